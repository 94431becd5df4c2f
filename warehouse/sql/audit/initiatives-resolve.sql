-- Audit: initiatives whose grassroots union is not a grassroots union of the current tree, or whose level-1 code disagrees with the tree.
SELECT 'initiative ' || i.initiative_id || ' → ' || coalesce(i.grassroots_code, 'null') AS key
FROM initiative i LEFT JOIN unit u ON u.unit_code = i.grassroots_code AND u.level = 3
WHERE u.unit_code IS NULL OR i.level1_code IS DISTINCT FROM u.level1_code OR i.upper_code IS DISTINCT FROM u.upper_code
