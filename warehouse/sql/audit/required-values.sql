-- Audit: rows missing a value every reader relies on (one row per offending row, naming the first missing column).
SELECT 'initiative ' || coalesce(initiative_id, '?') || ' ' || column_name AS key
FROM (
	SELECT initiative_id, CASE
		WHEN initiative_id IS NULL THEN 'initiative_id' WHEN grassroots_code IS NULL THEN 'grassroots_code'
		WHEN level1_code IS NULL THEN 'level1_code' WHEN status IS NULL THEN 'status' WHEN submitted_at IS NULL THEN 'submitted_at'
		WHEN status_at IS NULL THEN 'status_at' WHEN author_key IS NULL THEN 'author_key'
		WHEN first_seen_at IS NULL THEN 'first_seen_at' END AS column_name
	FROM initiative
)
WHERE column_name IS NOT NULL
UNION ALL
SELECT 'initiative_period ' || coalesce(initiative_id, '?') || ' from ' || coalesce(from_at::VARCHAR, '?')
FROM initiative_period
WHERE initiative_id IS NULL OR from_at IS NULL OR status IS NULL OR level1_code IS NULL OR grassroots_code IS NULL
UNION ALL
SELECT 'unit ' || coalesce(unit_code, '?') FROM unit WHERE unit_code IS NULL OR level IS NULL OR level1_code IS NULL
