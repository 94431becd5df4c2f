-- Audit: marts that disagree with core: national figures at the latest export time from initiative_period vs initiative/withdrawals,
-- unit_totals vs the same count, and each series' last day vs unit_totals (nation and level-1 units).
WITH as_of AS (
	SELECT max(exported_at) AS t FROM source_file WHERE status = 'loaded' AND dataset = 'initiatives'
),
from_core AS (
	SELECT count(*) AS on_portal, count(*) FILTER (WHERE status = 'valid') AS valid
	FROM initiative, as_of WHERE submitted_at <= as_of.t AND withdrawn_at IS NULL
),
from_periods AS (
	SELECT count(*) AS on_portal, count(*) FILTER (WHERE status = 'valid') AS valid
	FROM initiative_period p, as_of WHERE p.from_at <= as_of.t AND (p.to_at IS NULL OR p.to_at > as_of.t)
),
last_day AS (
	SELECT s.* FROM daily_series s WHERE s.unit_level <= 1 AND s.day = (SELECT max(day) FROM daily_series)
)
SELECT 'national on portal: initiative_period ' || p.on_portal || ' ≠ initiative ' || c.on_portal AS key
FROM from_core c, from_periods p WHERE c.on_portal <> p.on_portal
UNION ALL
SELECT 'national valid: initiative_period ' || p.valid || ' ≠ initiative ' || c.valid FROM from_core c, from_periods p WHERE c.valid <> p.valid
UNION ALL
SELECT 'unit_totals VN on portal ' || coalesce(t.on_portal::VARCHAR, 'missing') || ' ≠ initiative ' || c.on_portal
FROM from_core c LEFT JOIN unit_totals t ON t.unit_code = 'VN' WHERE t.on_portal IS DISTINCT FROM c.on_portal
UNION ALL
SELECT 'daily_series ' || coalesce(s.unit_code, t.unit_code) || ' last day ≠ unit_totals'
FROM last_day s FULL JOIN (SELECT * FROM unit_totals WHERE unit_level <= 1) t USING (unit_code)
WHERE s.on_portal IS DISTINCT FROM t.on_portal OR s.valid IS DISTINCT FROM t.valid OR s.invalid IS DISTINCT FROM t.invalid
	OR s.under_review IS DISTINCT FROM t.under_review OR s.valid_benefit IS DISTINCT FROM t.valid_benefit
