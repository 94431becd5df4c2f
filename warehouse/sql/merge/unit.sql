-- Rebuilds unit, the current tree: the units of the latest don-vi snapshot with their level-1 and level-2 ancestors, and the level-1 kind from ref_level1.
DELETE FROM unit;

INSERT INTO unit BY NAME
WITH RECURSIVE current_unit AS (
	SELECT * FROM unit_version WHERE valid_to IS NULL
),
ancestry AS (
	-- every unit paired with itself and each of its ancestors (depth-bounded against cycles)
	SELECT unit_code, unit_code AS ancestor_code, level AS ancestor_level, parent_code AS next_code, 0 AS depth
	FROM current_unit
	UNION ALL
	SELECT a.unit_code, p.unit_code, p.level, p.parent_code, a.depth + 1
	FROM ancestry a JOIN current_unit p ON p.unit_code = a.next_code
	WHERE a.depth < 10
),
ancestor AS (
	SELECT unit_code,
		max(CASE WHEN ancestor_level = 1 THEN ancestor_code END) AS level1_code,
		max(CASE WHEN ancestor_level = 2 THEN ancestor_code END) AS upper_code
	FROM ancestry
	GROUP BY unit_code
)
SELECT u.unit_code, u.name, u.level, u.parent_code, a.level1_code, a.upper_code,
	CASE WHEN u.level = 1 THEN coalesce(r.kind, CASE u.type
		WHEN 'LĐLĐ tỉnh, thành phố' THEN 'provincial'
		WHEN 'Công đoàn ngành Trung ương' THEN 'sectoral'
		WHEN 'Công đoàn Tập đoàn, Tổng công ty' THEN 'corporation' END) END AS kind,
	u.province_code, u.sector, u.members, u.target_assigned, u.target_registered, u.target_phase1
FROM current_unit u
JOIN ancestor a USING (unit_code)
LEFT JOIN ref_level1 r ON r.code = u.unit_code
ORDER BY u.unit_code;
