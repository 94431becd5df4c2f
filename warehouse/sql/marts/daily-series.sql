-- Rebuilds daily_series. Grain: one row per (unit_code, day): the nation ('VN', level 0), each level-1 unit (1) and upper-level union (2), each day
-- from 2022-01-08 to the latest export day, with the figures as of the end of the day (on portal, under review, valid, invalid, valid benefit).
-- Each period adds its figures on the day of from_at and takes them away on the day of to_at; a running sum gives the series.
DELETE FROM daily_series;

INSERT INTO daily_series BY NAME
WITH bound AS (
	SELECT DATE '2022-01-08' AS first_day,
		coalesce(max(exported_at)::DATE, DATE '2022-01-08') AS last_day
	FROM source_file WHERE status = 'loaded' AND dataset = 'initiatives'
),
change AS (
	SELECT level1_code, upper_code, status, greatest(from_at::DATE, first_day) AS day, 1 AS sign, coalesce(benefit, 0) AS benefit
	FROM initiative_period, bound
	UNION ALL
	SELECT level1_code, upper_code, status, greatest(to_at::DATE, first_day), -1, coalesce(benefit, 0)
	FROM initiative_period, bound WHERE to_at IS NOT NULL
),
unit_day AS (
	-- one pass over the changes to (level-1 unit, upper-level union, day); the three levels are summed from these few rows
	SELECT level1_code, upper_code, day,
		sum(sign) AS on_portal,
		coalesce(sum(sign) FILTER (WHERE status = 'under_review'), 0) AS under_review,
		coalesce(sum(sign) FILTER (WHERE status = 'valid'), 0) AS valid,
		coalesce(sum(sign) FILTER (WHERE status = 'invalid'), 0) AS invalid,
		coalesce(sum(sign * benefit) FILTER (WHERE status = 'valid'), 0) AS valid_benefit
	FROM change
	GROUP BY level1_code, upper_code, day
),
unit_change AS (
	SELECT
		CASE grouping(level1_code, upper_code) WHEN 3 THEN 'VN' WHEN 1 THEN level1_code ELSE upper_code END AS unit_code,
		day,
		sum(on_portal)::BIGINT AS on_portal,
		sum(under_review)::BIGINT AS under_review,
		sum(valid)::BIGINT AS valid,
		sum(invalid)::BIGINT AS invalid,
		sum(valid_benefit)::BIGINT AS valid_benefit
	FROM unit_day
	GROUP BY GROUPING SETS ((day), (level1_code, day), (level1_code, upper_code, day))
	HAVING grouping(level1_code, upper_code) = 3 OR (grouping(level1_code, upper_code) = 1 AND level1_code IS NOT NULL)
		OR (grouping(level1_code, upper_code) = 0 AND upper_code IS NOT NULL)
),
series_unit AS (
	SELECT 'VN' AS unit_code, 0 AS unit_level
	UNION ALL
	SELECT unit_code, level FROM unit WHERE level IN (1, 2)
),
grid AS (
	SELECT u.unit_code, u.unit_level, d.day::DATE AS day
	FROM series_unit u, bound, range(bound.first_day, bound.last_day + INTERVAL 1 DAY, INTERVAL 1 DAY) d(day)
)
SELECT g.unit_code, g.unit_level, g.day,
	sum(coalesce(c.on_portal, 0)) OVER w AS on_portal,
	sum(coalesce(c.under_review, 0)) OVER w AS under_review,
	sum(coalesce(c.valid, 0)) OVER w AS valid,
	sum(coalesce(c.invalid, 0)) OVER w AS invalid,
	sum(coalesce(c.valid_benefit, 0)) OVER w AS valid_benefit
FROM grid g LEFT JOIN unit_change c USING (unit_code, day)
WINDOW w AS (PARTITION BY g.unit_code ORDER BY g.day ROWS UNBOUNDED PRECEDING)
ORDER BY g.unit_level, g.unit_code, g.day;
