-- Audit: marts that disagree with core: national figures at the latest export time from initiative_period vs initiative/withdrawals,
-- unit_totals vs the same count, each series' last day vs unit_totals (nation and level-1 units), and the latest-export detail marts vs
-- unit_totals: one unit_totals_detail row per unit, each breakdown adding up to the unit's figures, one unit_author row per author
-- counted, at least min(100, authors) of them in unit_author_front, min(100, stating) top initiatives, all as of the same time.
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
UNION ALL
SELECT 'unit_totals_detail ' || coalesce(d.unit_code, t.unit_code) || ' ≠ unit_totals'
FROM unit_totals_detail d FULL JOIN unit_totals t USING (unit_code)
WHERE d.as_of IS DISTINCT FROM t.as_of OR d.stating > t.valid OR d.p1_on_portal > t.on_portal OR d.p1_valid > t.valid
UNION ALL
SELECT 'unit_breakdown ' || t.unit_code || ' ' || b.dimension || ' ≠ unit_totals'
FROM (SELECT unit_code, dimension, any_value(as_of) AS as_of, count(DISTINCT as_of) AS times, sum(on_portal) AS on_portal, sum(valid) AS valid,
		coalesce(sum(benefit), 0) AS benefit
	FROM unit_breakdown GROUP BY ALL) b
JOIN unit_totals t USING (unit_code)
WHERE b.times > 1 OR b.as_of IS DISTINCT FROM t.as_of OR b.on_portal <> t.on_portal OR b.valid <> t.valid OR b.benefit <> t.valid_benefit
UNION ALL
SELECT 'unit_author ' || t.unit_code || ' authors ' || coalesce(a.authors, 0) || ' ≠ unit_totals ' || t.authors
FROM unit_totals t LEFT JOIN (SELECT unit_code, count(*) AS authors FROM unit_author GROUP BY unit_code) a USING (unit_code)
WHERE t.unit_level <= 2 AND coalesce(a.authors, 0) <> t.authors
UNION ALL
SELECT 'unit_top_initiative ' || d.unit_code || ' rows ' || coalesce(i.n, 0) || ' ≠ ' || least(100, d.stating)
FROM unit_totals_detail d LEFT JOIN (SELECT unit_code, count(*) AS n FROM unit_top_initiative GROUP BY unit_code) i USING (unit_code)
WHERE d.unit_level <= 2 AND coalesce(i.n, 0) <> least(100, d.stating)
UNION ALL
SELECT 'unit_author_front ' || t.unit_code || ' rows ' || coalesce(f.n, 0) || ' < ' || least(100, t.authors)
FROM unit_totals t LEFT JOIN (SELECT unit_code, count(*) AS n FROM unit_author_front GROUP BY unit_code) f USING (unit_code)
WHERE t.unit_level <= 2 AND coalesce(f.n, 0) < least(100, t.authors)
