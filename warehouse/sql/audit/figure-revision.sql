-- Rebuilds figure_revision from temp tables previous_month_figure, current_month_figure and new_file (filled by audit-version.ts): every closed month whose change
-- differs from the previous version. A revision is explained by a newly loaded file covering the unit whose earliest row of that unit (submitted
-- or reviewed) or export falls in that month or before: the states a late file shows hold from their times until a later version shows
-- otherwise, which may be every later month (its rows were only quarantined in the later snapshots). A month whose own end figure is
-- unchanged is explained too (only an earlier month end moved, and the first month whose end moved is checked on its own).
DELETE FROM figure_revision;

INSERT INTO figure_revision BY NAME
WITH changed AS (
	SELECT p.level1_code, p.month, p.metric, p.change AS previous_value, coalesce(c.change, 0) AS new_value,
		p.month_end AS previous_month_end, coalesce(c.month_end, 0) AS new_month_end
	FROM previous_month_figure p
	LEFT JOIN current_month_figure c USING (level1_code, month, metric)
	WHERE p.change IS DISTINCT FROM coalesce(c.change, 0)
),
evidence AS (
	-- (file, level-1 unit, first month the file can revise for that unit)
	SELECT file_id, level1_code, min(month) AS first_month
	FROM (
		SELECT f.file_id, l.level1_code, date_trunc('month', f.exported_at)::DATE AS month
		FROM new_file f JOIN (SELECT DISTINCT level1_code FROM changed) l ON f.scope IN ('toan-quoc', l.level1_code)
		UNION ALL
		SELECT file_id, level1_code, date_trunc('month', event_at)::DATE
		FROM (
			SELECT f.file_id, u.level1_code, unnest([s.submitted_at, s.reviewed_at]) AS event_at
			FROM new_file f
			JOIN staged_initiative s USING (file_id)
			JOIN unit u ON u.unit_code = s.grassroots_code
			WHERE f.scope IN ('toan-quoc', u.level1_code)
		)
		WHERE event_at IS NOT NULL
	)
	GROUP BY file_id, level1_code
)
SELECT c.level1_code, c.month, c.metric, c.previous_value, c.new_value, c.previous_month_end, c.new_month_end,
	bool_or(c.previous_month_end = c.new_month_end) OR count(e.file_id) > 0 AS explained,
	CASE WHEN count(e.file_id) > 0 THEN list(DISTINCT e.file_id ORDER BY e.file_id) END AS file_ids
FROM changed c LEFT JOIN evidence e ON e.level1_code = c.level1_code AND e.first_month <= c.month
GROUP BY ALL
ORDER BY c.level1_code, c.month, c.metric
