-- Audit input: per level-1 unit, closed month and metric, the month-end figure of daily_series and its change over the month. A month is closed
-- when the series runs past its last day. Run on the previous version and on the new one.
WITH series AS (
	SELECT unit_code AS level1_code, day, date_trunc('month', day)::DATE AS month, on_portal, under_review, valid, invalid, valid_benefit
	FROM daily_series WHERE unit_level = 1
),
month_end AS (
	SELECT * FROM series
	WHERE day = last_day(month) AND day < (SELECT max(day) FROM daily_series)
),
long_form AS (
	UNPIVOT month_end ON on_portal, under_review, valid, invalid, valid_benefit INTO NAME metric VALUE month_end
)
SELECT level1_code, month, metric, month_end,
	month_end - coalesce(lag(month_end) OVER (PARTITION BY level1_code, metric ORDER BY month), 0) AS change
FROM long_form
ORDER BY level1_code, metric, month
