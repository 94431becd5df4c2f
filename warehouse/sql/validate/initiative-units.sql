-- Resolves each distinct (Mã CĐCS, grassroots, upper-level, level-1 name) of an initiative file to one grassroots union of the unit tree: by code, else by name key within the level-1 unit, refined by the upper-level union's name.
CREATE OR REPLACE TEMP TABLE vi_unit_key AS
SELECT g.unit_code, g.level1_code, name_key(g.name) AS grassroots_key, name_key(u.name) AS upper_key
FROM unit g LEFT JOIN unit u ON u.unit_code = g.upper_code
WHERE g.level = 3;

CREATE OR REPLACE TEMP TABLE vi_combo AS
WITH combo AS (
	SELECT DISTINCT
		clean_text(r."Mã CĐCS") AS code_text,
		clean_text(r."Công đoàn cơ sở") AS grassroots_name,
		clean_text(r."Công đoàn cấp trên trực tiếp") AS upper_name,
		clean_text(r."Đơn vị trực thuộc Tổng Liên đoàn") AS level1_name
	FROM {{rows}} r
), keyed AS (
	SELECT c.*,
		by_code.unit_code AS code_match,
		coalesce(by_code.level1_code, l1.code, {{scope_unit}}) AS level1_code,
		name_key(c.grassroots_name) AS grassroots_key,
		name_key(c.upper_name) AS upper_key
	FROM combo c
	LEFT JOIN unit by_code ON by_code.unit_code = c.code_text AND by_code.level = 3
	LEFT JOIN validate_level1_key l1 ON l1.key = name_key(c.level1_name)
), matched AS (
	SELECT k.code_text, k.grassroots_name, k.upper_name, k.level1_name, k.code_match, k.level1_code,
		count(m.unit_code) AS name_matches,
		min(m.unit_code) AS any_match,
		count(m.unit_code) FILTER (WHERE m.upper_key = k.upper_key) AS upper_matches,
		min(m.unit_code) FILTER (WHERE m.upper_key = k.upper_key) AS any_upper_match
	FROM keyed k
	LEFT JOIN vi_unit_key m
		ON k.code_match IS NULL AND m.level1_code = k.level1_code AND m.grassroots_key = k.grassroots_key
	GROUP BY k.code_text, k.grassroots_name, k.upper_name, k.level1_name, k.code_match, k.level1_code
)
SELECT code_text, grassroots_name, upper_name, level1_name, level1_code, name_matches,
	CASE
		WHEN code_match IS NOT NULL THEN code_match
		WHEN name_matches = 1 THEN any_match
		WHEN upper_matches = 1 THEN any_upper_match
	END AS grassroots_code
FROM matched;
