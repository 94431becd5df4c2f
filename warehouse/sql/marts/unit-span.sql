-- Rebuilds unit_span and numbers the grassroots unions of the initiatives (grassroots_no, given to initiative_period by initiative-period.sql):
-- each distinct (level1_code, upper_code, grassroots_code) of the initiatives gets a number in that order, so the initiatives of a level-1 unit, of an
-- upper-level union inside it and of a grassroots union carry consecutive numbers, and a unit's scope is one integer range (a few integer compares
-- per row instead of two or three string compares). A unit's span is kept only when it is exactly the numbers its code scope selects
-- (queries/query-context.ts scopeCondition: the unit's own column, and below level 1 its level-1 and upper-level codes); queries fall back to the codes otherwise.
DELETE FROM unit_span;

-- grassroots_code determines the other two (they come from the unit tree by grassroots_code), so this is one number per grassroots code.
CREATE OR REPLACE TEMP TABLE grassroots_number AS
SELECT grassroots_code, level1_code, upper_code,
	(row_number() OVER (ORDER BY level1_code NULLS LAST, upper_code NULLS LAST, grassroots_code))::INTEGER AS grassroots_no
FROM (SELECT DISTINCT level1_code, upper_code, grassroots_code FROM initiative WHERE grassroots_code IS NOT NULL);

INSERT INTO unit_span (unit_code, no_from, no_to)
WITH member AS (
	SELECT u.unit_code, g.grassroots_no FROM unit u JOIN grassroots_number g ON g.level1_code = u.unit_code
	WHERE u.level = 1
	UNION ALL
	SELECT u.unit_code, g.grassroots_no FROM unit u JOIN grassroots_number g ON g.upper_code = u.unit_code
	WHERE u.level = 2 AND (u.level1_code IS NULL OR g.level1_code = u.level1_code)
	UNION ALL
	SELECT u.unit_code, g.grassroots_no FROM unit u JOIN grassroots_number g ON g.grassroots_code = u.unit_code
	WHERE u.level = 3 AND (u.level1_code IS NULL OR (g.level1_code = u.level1_code AND (u.upper_code IS NULL OR g.upper_code = u.upper_code)))
),
span AS (
	SELECT unit_code, min(grassroots_no) AS no_from, max(grassroots_no) AS no_to, count(*) AS members FROM member GROUP BY unit_code
)
-- a unit without initiatives has the empty range 1..0
SELECT u.unit_code, coalesce(s.no_from, 1), coalesce(s.no_to, 0)
FROM unit u LEFT JOIN span s USING (unit_code)
WHERE u.level IN (1, 2, 3) AND (s.unit_code IS NULL OR s.no_to - s.no_from + 1 = s.members);
