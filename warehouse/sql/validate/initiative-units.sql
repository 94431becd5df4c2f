-- Resolves each distinct raw (Mã CĐCS, grassroots, upper-level, level-1 name) of an initiative file to one grassroots union of the unit tree: by code, else by name key within the level-1 unit (name, else the file's scope), refined by the upper-level union's name.
CREATE OR REPLACE TEMP TABLE vi_combo AS
WITH combo AS (
	SELECT DISTINCT
		r."Mã CĐCS" AS code_raw,
		r."Công đoàn cơ sở" AS grassroots_raw,
		r."Công đoàn cấp trên trực tiếp" AS upper_raw,
		r."Đơn vị trực thuộc Tổng Liên đoàn" AS level1_raw
	FROM {{rows}} r
), cleaned AS (
	SELECT *, clean_text(code_raw) AS code_text, clean_text(grassroots_raw) AS grassroots_name
	FROM combo
), keyed AS (
	SELECT c.*,
		by_code.unit_code AS code_match,
		coalesce(by_code.level1_code, l1.code, {{scope_unit}}) AS level1_code,
		CASE WHEN by_code.unit_code IS NULL THEN name_key(c.grassroots_raw) END AS grassroots_key,
		CASE WHEN by_code.unit_code IS NULL THEN name_key(c.upper_raw) END AS upper_key
	FROM cleaned c
	LEFT JOIN unit by_code ON by_code.unit_code = c.code_text AND by_code.level = 3
	-- Equality-only join conditions, so DuckDB hash-joins (a condition on the left side alone in an outer join's ON
	-- makes it a nested-loop join, minutes on a national file); a code match wins through coalesce and the NULL keys.
	LEFT JOIN validate_level1_key l1 ON l1.key = name_key(c.level1_raw)
), matched AS (
	SELECT k.code_raw, k.grassroots_raw, k.upper_raw, k.level1_raw, k.code_text, k.grassroots_name, k.code_match, k.level1_code,
		count(m.unit_code) AS name_matches,
		min(m.unit_code) AS any_match,
		count(m.unit_code) FILTER (WHERE m.upper_key = k.upper_key) AS upper_matches,
		min(m.unit_code) FILTER (WHERE m.upper_key = k.upper_key) AS any_upper_match
	FROM keyed k
	LEFT JOIN validate_unit_key m
		ON m.level1_code = k.level1_code AND m.grassroots_key = k.grassroots_key
	GROUP BY ALL
)
SELECT code_raw, grassroots_raw, upper_raw, level1_raw, code_text, grassroots_name, level1_code, name_matches,
	CASE
		WHEN code_match IS NOT NULL THEN code_match
		WHEN name_matches = 1 THEN any_match
		WHEN upper_matches = 1 THEN any_upper_match
	END AS grassroots_code
FROM matched;

-- Benefit texts that are not plain integers, parsed once each (negative only when the amount itself can be read).
CREATE OR REPLACE TEMP TABLE vi_benefit AS
SELECT benefit_raw, benefit_amount(clean_text(benefit_raw)) AS amount,
	benefit_negative(clean_text(benefit_raw)) AND benefit_amount(clean_text(benefit_raw)) IS NOT NULL AS negative
FROM (SELECT DISTINCT r."Giá trị làm lợi (đồng/năm)" AS benefit_raw FROM {{rows}} r)
WHERE benefit_raw IS NOT NULL AND try_cast(benefit_raw AS BIGINT) IS NULL;
