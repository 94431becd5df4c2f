-- Rebuilds unit_totals. Grain: one row per unit of the current tree (every level) plus the nation ('VN', level 0): figures as of the latest
-- export time (on portal, by status, valid benefit, participating grassroots unions and distinct authors), with members, targets and attainment.
DELETE FROM unit_totals;

INSERT INTO unit_totals BY NAME
WITH as_of AS (
	SELECT max(exported_at) AS t FROM source_file WHERE status = 'loaded' AND dataset = 'initiatives'
),
current_period AS (
	SELECT p.* FROM initiative_period p, as_of WHERE p.from_at <= as_of.t AND (p.to_at IS NULL OR p.to_at > as_of.t)
),
grassroots_figure AS (
	-- one pass over the current periods per grassroots union; the upper levels are summed from these rows
	SELECT level1_code, upper_code, grassroots_code,
		count(*) AS on_portal,
		count(*) FILTER (WHERE status = 'under_review') AS under_review,
		count(*) FILTER (WHERE status = 'valid') AS valid,
		count(*) FILTER (WHERE status = 'invalid') AS invalid,
		coalesce(sum(benefit) FILTER (WHERE status = 'valid'), 0) AS valid_benefit
	FROM current_period
	GROUP BY level1_code, upper_code, grassroots_code
),
unit_author AS (
	-- each author once per grassroots union: the distinct counts of every level read these rows, not every period; an author is
	-- counted on author_key_no (the author key's number: one per key, null without one), an integer cheaper to hash than the key
	SELECT DISTINCT level1_code, upper_code, grassroots_code, author_key_no FROM current_period WHERE author_key_no IS NOT NULL
),
counts AS (
	SELECT
		grouped_unit(grouping(level1_code, upper_code, grassroots_code), level1_code, upper_code, grassroots_code) AS unit_code,
		sum(on_portal) AS on_portal, sum(under_review) AS under_review, sum(valid) AS valid, sum(invalid) AS invalid,
		sum(valid_benefit) AS valid_benefit,
		count(DISTINCT grassroots_code) AS participating_grassroots
	FROM grassroots_figure
	GROUP BY GROUPING SETS ((), (level1_code), (upper_code), (grassroots_code))
	HAVING kept_grouping(grouping(level1_code, upper_code, grassroots_code), level1_code, upper_code, grassroots_code)
),
authors AS (
	SELECT
		grouped_unit(grouping(level1_code, upper_code, grassroots_code), level1_code, upper_code, grassroots_code) AS unit_code,
		count(DISTINCT author_key_no) AS authors
	FROM unit_author
	GROUP BY GROUPING SETS ((), (level1_code), (upper_code), (grassroots_code))
	HAVING kept_grouping(grouping(level1_code, upper_code, grassroots_code), level1_code, upper_code, grassroots_code)
),
figure AS (
	SELECT c.*, a.authors FROM counts c LEFT JOIN authors a USING (unit_code)
),
totals_unit AS (
	SELECT 'VN' AS unit_code, 0 AS unit_level, 'Tổng Liên đoàn Lao động Việt Nam' AS name, NULL AS parent_code,
		NULL AS level1_code, NULL AS upper_code,
		sum(members) AS members, sum(target_assigned) AS target_assigned,
		sum(target_registered) AS target_registered, sum(target_phase1) AS target_phase1
	FROM unit WHERE level = 1
	UNION ALL
	SELECT unit_code, level, name, parent_code, level1_code, upper_code, members, target_assigned, target_registered, target_phase1
	FROM unit
)
SELECT u.unit_code, u.unit_level, u.name, u.parent_code, u.level1_code, u.upper_code, as_of.t AS as_of,
	coalesce(f.on_portal, 0) AS on_portal, coalesce(f.under_review, 0) AS under_review, coalesce(f.valid, 0) AS valid,
	coalesce(f.invalid, 0) AS invalid, coalesce(f.valid_benefit, 0) AS valid_benefit,
	coalesce(f.participating_grassroots, 0) AS participating_grassroots, coalesce(f.authors, 0) AS authors,
	u.members, u.target_assigned, u.target_registered, u.target_phase1,
	coalesce(f.valid, 0) / nullif(u.target_assigned, 0) AS attainment,
	coalesce(f.valid, 0) / nullif(u.target_registered, 0) AS attainment_registered,
	coalesce(f.valid, 0) / nullif(u.target_phase1, 0) AS attainment_phase1
FROM totals_unit u CROSS JOIN as_of LEFT JOIN figure f USING (unit_code)
ORDER BY u.unit_level, u.unit_code;
