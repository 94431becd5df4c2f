-- Rebuilds the latest-export detail marts read by totals(), breakdown(), benefitDistribution(), topAuthors() and topInitiatives() at the
-- latest export time (same as_of as unit_totals): unit_totals_detail (every unit and the nation), unit_breakdown, unit_author and
-- unit_top_initiative (the nation, level-1 units and upper-level unions). The current periods are read once into a temp table.
DELETE FROM unit_totals_detail;
DELETE FROM unit_breakdown;
DELETE FROM unit_author;
DELETE FROM unit_top_initiative;

CREATE OR REPLACE TEMP TABLE detail_as_of AS
SELECT max(exported_at) AS t FROM source_file WHERE status = 'loaded' AND dataset = 'initiatives';

CREATE OR REPLACE TEMP TABLE detail_current AS
WITH as_of AS (SELECT t FROM detail_as_of)
SELECT p.initiative_id, p.level1_code, p.upper_code, p.grassroots_code, p.status, p.benefit, p.field, p.sector, p.is_leader,
	p.author_key_no AS author_key, p.submitted_at
FROM initiative_period p, as_of WHERE p.from_at <= as_of.t AND (p.to_at IS NULL OR p.to_at > as_of.t);

-- Totals detail: median and quantiles of the valid benefits, the phase-1 split and the withdrawn count, per unit (every level) and the nation.
INSERT INTO unit_totals_detail BY NAME
WITH as_of AS (SELECT t FROM detail_as_of),
withdrawn_initiative AS (
	SELECT DISTINCT i.initiative_id, i.level1_code, i.upper_code, i.grassroots_code
	FROM initiative_withdrawal w JOIN initiative i USING (initiative_id), as_of
	WHERE w.withdrawn_at <= as_of.t AND (w.reinstated_at IS NULL OR w.reinstated_at > as_of.t)
),
counted AS (
	-- the current periods and the withdrawn initiatives, grouped by level once (withdrawn rows have no status, benefit or time)
	SELECT level1_code, upper_code, grassroots_code, status, benefit, submitted_at, false AS is_withdrawn FROM detail_current
	UNION ALL
	SELECT level1_code, upper_code, grassroots_code, NULL, NULL, NULL, true FROM withdrawn_initiative
),
figure AS (
	SELECT
		grouped_unit(grouping(level1_code, upper_code, grassroots_code), level1_code, upper_code, grassroots_code) AS unit_code,
		count(*) FILTER (WHERE status = 'valid' AND benefit IS NOT NULL) AS stating,
		quantile_disc(benefit, [0.1, 0.25, 0.5, 0.75, 0.9, 0.99]) FILTER (WHERE status = 'valid') AS benefit_quantiles,
		max(benefit) FILTER (WHERE status = 'valid') AS max_benefit,
		count(*) FILTER (WHERE submitted_at < TIMESTAMP '2022-06-01 00:00:00') AS p1_on_portal,
		count(*) FILTER (WHERE status = 'valid' AND submitted_at < TIMESTAMP '2022-06-01 00:00:00') AS p1_valid,
		sum(benefit) FILTER (WHERE status = 'valid' AND submitted_at < TIMESTAMP '2022-06-01 00:00:00') AS p1_benefit,
		count(*) FILTER (WHERE is_withdrawn) AS withdrawn
	FROM counted
	GROUP BY GROUPING SETS ((), (level1_code), (upper_code), (grassroots_code))
	HAVING kept_grouping(grouping(level1_code, upper_code, grassroots_code), level1_code, upper_code, grassroots_code)
),
unit_list AS (
	SELECT 'VN' AS unit_code, 0 AS unit_level
	UNION ALL
	SELECT unit_code, level FROM unit
)
SELECT u.unit_code, u.unit_level, as_of.t AS as_of,
	coalesce(f.stating, 0) AS stating, f.benefit_quantiles, f.benefit_quantiles[3] AS median_benefit, f.max_benefit,
	coalesce(f.p1_on_portal, 0) AS p1_on_portal, coalesce(f.p1_valid, 0) AS p1_valid, f.p1_benefit,
	coalesce(f.withdrawn, 0) AS withdrawn
FROM unit_list u CROSS JOIN as_of LEFT JOIN figure f USING (unit_code)
ORDER BY u.unit_level, u.unit_code;

-- Breakdowns: field, sector and leadership summed from one pass over the current periods grouped by every unit and key at once (a few
-- thousand rows); enterprise summed from the sector rows.
INSERT INTO unit_breakdown BY NAME
WITH as_of AS (SELECT t FROM detail_as_of),
fine AS (
	SELECT level1_code, upper_code, field, sector, is_leader,
		count(*) AS on_portal, count(*) FILTER (WHERE status = 'valid') AS valid, sum(benefit) FILTER (WHERE status = 'valid') AS benefit
	FROM detail_current
	GROUP BY level1_code, upper_code, field, sector, is_leader
),
grouped AS (
	SELECT
		CASE WHEN grouping(level1_code) = 0 THEN level1_code WHEN grouping(upper_code) = 0 THEN upper_code ELSE 'VN' END AS unit_code,
		CASE WHEN grouping(level1_code) = 0 THEN 1 WHEN grouping(upper_code) = 0 THEN 2 ELSE 0 END AS unit_level,
		CASE WHEN grouping(field) = 0 THEN 'field' WHEN grouping(sector) = 0 THEN 'sector' ELSE 'leadership' END AS dimension,
		CASE WHEN grouping(field) = 0 THEN field WHEN grouping(sector) = 0 THEN sector
			ELSE CASE WHEN is_leader THEN 'leader' WHEN NOT is_leader THEN 'no_leader' END END AS key,
		sum(on_portal) AS on_portal, sum(valid) AS valid, sum(benefit) AS benefit
	FROM fine
	GROUP BY GROUPING SETS ((field), (sector), (is_leader), (level1_code, field), (level1_code, sector), (level1_code, is_leader),
		(upper_code, field), (upper_code, sector), (upper_code, is_leader))
	HAVING (grouping(level1_code) = 1 OR level1_code IS NOT NULL) AND (grouping(upper_code) = 1 OR upper_code IS NOT NULL)
),
rows AS (
	SELECT unit_code, unit_level, dimension, key, on_portal, valid, benefit FROM grouped
	UNION ALL
	SELECT unit_code, unit_level, 'enterprise',
		CASE WHEN key IN ('Doanh nghiệp nhà nước', 'Doanh nghiệp ngoài nhà nước', 'Doanh nghiệp có vốn đầu tư nước ngoài') THEN 'enterprise'
			WHEN key IS NOT NULL THEN 'public' END,
		sum(on_portal), sum(valid), sum(benefit)
	FROM grouped WHERE dimension = 'sector' GROUP BY ALL
)
SELECT r.unit_code, r.unit_level, as_of.t AS as_of, r.dimension, r.key, r.on_portal::BIGINT AS on_portal, r.valid::BIGINT AS valid,
	r.benefit::BIGINT AS benefit
FROM rows r CROSS JOIN as_of
ORDER BY r.unit_code, r.dimension, r.on_portal DESC, r.key;

-- Authors: each author's figures in the nation, their level-1 unit and their upper-level union, sorted by unit then valid count. One pass
-- over the current periods groups them by (level-1 unit, upper-level union, author); the level-1 and national rows are summed from those few
-- rows. An author key starts with its level-1 unit's code (CONTRACTS.md "Authors"), so an author's national figures are its level-1 figures.
-- The rows carry their unit's rank in unit_code order (an integer sort key), and are sorted and appended in four slices of it (the same
-- order as one sort; each slice's sort fits in memory).
CREATE OR REPLACE TEMP TABLE author_upper AS
SELECT level1_code, upper_code, author_key,
	count(*) FILTER (WHERE status = 'valid') AS valid, count(*) AS on_portal,
	sum(benefit) FILTER (WHERE status = 'valid') AS benefit,
	-- the latest submitted (ties: largest id) initiative, as arg_max(initiative_id, (submitted_at, initiative_id)) picks it
	max(struct_pack(submitted_at, initiative_id)) AS latest
FROM detail_current WHERE author_key IS NOT NULL
GROUP BY level1_code, upper_code, author_key;

CREATE OR REPLACE TEMP TABLE author_level1 AS
SELECT level1_code, author_key, sum(valid)::BIGINT AS valid, sum(on_portal)::BIGINT AS on_portal, sum(benefit)::BIGINT AS benefit,
	max(latest).initiative_id AS last_initiative
FROM author_upper GROUP BY level1_code, author_key;

-- each unit's rank in unit_code order and its number of rows; the slices are ranges of ranks holding about a quarter of the rows each
CREATE OR REPLACE TEMP TABLE author_unit_no AS
WITH unit_rows AS (
	SELECT 'VN' AS unit_code, count(*) AS n FROM author_level1
	UNION ALL
	SELECT level1_code, count(*) FROM author_level1 WHERE level1_code IS NOT NULL GROUP BY level1_code
	UNION ALL
	SELECT upper_code, count(*) FROM author_upper WHERE upper_code IS NOT NULL GROUP BY upper_code
),
ranked AS (
	SELECT unit_code, (row_number() OVER (ORDER BY unit_code))::INTEGER AS unit_no,
		sum(n) OVER (ORDER BY unit_code ROWS UNBOUNDED PRECEDING) AS rows_to, sum(n) OVER () AS total
	FROM unit_rows
)
SELECT unit_code, unit_no, least(floor(4 * (rows_to - 1) / total), 3)::INTEGER AS slice FROM ranked;

CREATE OR REPLACE TEMP MACRO author_slice_row(s) AS TABLE
WITH grouped AS (
	SELECT 'VN' AS unit_code, 0 AS unit_level, author_key, valid, on_portal, benefit, last_initiative FROM author_level1
	WHERE (SELECT slice FROM author_unit_no WHERE unit_code = 'VN') = s
	UNION ALL
	SELECT level1_code, 1, author_key, valid, on_portal, benefit, last_initiative FROM author_level1 WHERE level1_code IS NOT NULL
	UNION ALL
	SELECT upper_code, 2, author_key, valid, on_portal, benefit, latest.initiative_id FROM author_upper WHERE upper_code IS NOT NULL
)
SELECT n.unit_no, g.unit_code, g.unit_level, (SELECT t FROM detail_as_of) AS as_of, g.author_key, g.valid, g.on_portal, g.benefit,
	g.last_initiative
FROM grouped g JOIN author_unit_no n ON n.unit_code = g.unit_code AND n.slice = s
ORDER BY n.unit_no, g.valid DESC, g.on_portal DESC, g.benefit DESC NULLS LAST;

INSERT INTO unit_author BY NAME SELECT * EXCLUDE (unit_no) FROM author_slice_row(0);
INSERT INTO unit_author BY NAME SELECT * EXCLUDE (unit_no) FROM author_slice_row(1);
INSERT INTO unit_author BY NAME SELECT * EXCLUDE (unit_no) FROM author_slice_row(2);
INSERT INTO unit_author BY NAME SELECT * EXCLUDE (unit_no) FROM author_slice_row(3);

DROP MACRO TABLE author_slice_row;
DROP TABLE author_upper;
DROP TABLE author_level1;
DROP TABLE author_unit_no;

-- Top initiatives: the 100 valid initiatives with the largest benefit (ties by id) of the nation, each level-1 unit and upper-level union,
-- with their titles (a page reads them without a join to every initiative). Only the initiatives at or above a unit's 100th largest benefit
-- can be in its top 100, so the ranking windows sort those few rows, not every stating initiative three times.
INSERT INTO unit_top_initiative BY NAME
WITH as_of AS (SELECT t FROM detail_as_of),
stating AS (
	SELECT initiative_id, field, grassroots_code, upper_code, level1_code, benefit FROM detail_current
	WHERE status = 'valid' AND benefit IS NOT NULL
),
cutoff AS (
	-- the 100th largest benefit of each unit (its smallest when it has fewer; max(x, n) keeps repeated values), every level in one pass
	SELECT
		CASE WHEN grouping(level1_code) = 0 THEN 1 WHEN grouping(upper_code) = 0 THEN 2 ELSE 0 END AS unit_level,
		CASE WHEN grouping(level1_code) = 0 THEN level1_code WHEN grouping(upper_code) = 0 THEN upper_code ELSE 'VN' END AS unit_code,
		list_min(max(benefit, 100)) AS least_benefit
	FROM stating
	GROUP BY GROUPING SETS ((), (level1_code), (upper_code))
	HAVING (grouping(level1_code) = 1 OR level1_code IS NOT NULL) AND (grouping(upper_code) = 1 OR upper_code IS NOT NULL)
),
candidate AS (
	SELECT c.unit_code, c.unit_level, s.* FROM stating s JOIN cutoff c ON c.unit_level = 0 AND s.benefit >= c.least_benefit
	UNION ALL
	SELECT c.unit_code, c.unit_level, s.* FROM stating s JOIN cutoff c
		ON c.unit_level = 1 AND c.unit_code = s.level1_code AND s.benefit >= c.least_benefit
	UNION ALL
	SELECT c.unit_code, c.unit_level, s.* FROM stating s JOIN cutoff c
		ON c.unit_level = 2 AND c.unit_code = s.upper_code AND s.benefit >= c.least_benefit
),
ranked AS (
	SELECT *, row_number() OVER (PARTITION BY unit_level, unit_code ORDER BY benefit DESC, initiative_id) AS rank FROM candidate
	QUALIFY rank <= 100
)
SELECT r.unit_code, r.unit_level, as_of.t AS as_of, r.rank, r.initiative_id, i.title, r.field, r.grassroots_code, r.level1_code, r.benefit
FROM ranked r CROSS JOIN as_of JOIN initiative i USING (initiative_id)
ORDER BY r.unit_code, r.rank;

DROP TABLE detail_current;
DROP TABLE detail_as_of;
