-- Rebuilds initiative_period. Grain: one row per period an initiative was on the portal with one status and benefit (grassroots_no from unit-span.sql, run first).
-- Starts at submitted_at; status at T = the latest-known version (max valid_from) whose status time is <= T, else under review;
-- a status time is clamped into [submitted_at, the export time the version was first seen]; periods end at a withdrawal
-- and restart at a reinstatement. Unit, author and other attributes come from the initiative's current row.
-- Status and field are cast to the enums initiative_status and initiative_field (schema/marts.sql) as they enter the periods; the author
-- is the number of the initiative's author key (author_key_no), the key text staying in initiative.
-- Nearly every initiative has one version and was never withdrawn: those take a direct path (at most two periods from one join, no window);
-- the few others go through the general one. Intermediate results are temp tables (they spill) or inlined CTEs (NOT MATERIALIZED): a CTE
-- read twice is otherwise held in memory whole; at scale 1 with every snapshot loaded that does not fit the building version's memory limit.
DELETE FROM initiative_period;

-- an initiative has several versions exactly when one of them has ended (valid_to is the next version's start; only the last is open)
CREATE OR REPLACE TEMP TABLE period_complex_id AS
SELECT initiative_id FROM initiative_version WHERE valid_to IS NOT NULL
UNION
SELECT initiative_id FROM initiative_withdrawal;

-- the distinct author keys numbered in key order: authors at a past time are counted on this integer (author_key_no), not on the text
CREATE OR REPLACE TEMP TABLE author_number AS
SELECT author_key, row_number() OVER (ORDER BY author_key)::INTEGER AS author_key_no
FROM (SELECT DISTINCT author_key FROM initiative WHERE author_key IS NOT NULL);

CREATE OR REPLACE TEMP TABLE period_row AS
WITH base AS NOT MATERIALIZED (
	SELECT i.initiative_id, i.grassroots_code, i.upper_code, i.level1_code, i.field::initiative_field AS field, i.sector, i.is_leader, i.submitted_at,
		g.grassroots_no, a.author_key_no
	FROM initiative i LEFT JOIN grassroots_number g USING (grassroots_code) LEFT JOIN author_number a USING (author_key)
),
simple_event AS NOT MATERIALIZED (
	-- one version, never withdrawn: under review from submission to the status time (unless that is its state anyway), then its state
	SELECT b.*, v.status::initiative_status AS status, v.benefit, greatest(least(v.status_at, v.valid_from), b.submitted_at) AS event_at,
		greatest(least(v.status_at, v.valid_from), b.submitted_at) > b.submitted_at
			AND NOT (v.status = 'under_review' AND v.benefit IS NULL) AS reviewed_later
	FROM initiative_version v
	JOIN base b USING (initiative_id)
	WHERE v.initiative_id NOT IN (SELECT initiative_id FROM period_complex_id)
),
simple_period AS NOT MATERIALIZED (
	-- one pass over simple_event: part 0 is the under-review period before a later status time, part 1 the state from then on
	SELECT * EXCLUDE (status, benefit, event_at, reviewed_later, part),
		CASE WHEN part = 0 THEN 'under_review'::initiative_status ELSE status END AS status,
		CASE WHEN part = 0 THEN NULL ELSE benefit END AS benefit,
		CASE WHEN part = 1 AND reviewed_later THEN event_at ELSE submitted_at END AS from_at,
		CASE WHEN part = 0 THEN event_at END AS to_at
	FROM (SELECT *, unnest(CASE WHEN reviewed_later THEN [0, 1] ELSE [1] END) AS part FROM simple_event)
),
complex_base AS NOT MATERIALIZED (
	SELECT * FROM base WHERE initiative_id IN (SELECT initiative_id FROM period_complex_id)
),
status_event AS NOT MATERIALIZED (
	SELECT v.initiative_id, v.valid_from, v.status, v.benefit,
		greatest(least(v.status_at, v.valid_from), b.submitted_at) AS event_at
	FROM initiative_version v JOIN complex_base b USING (initiative_id)
),
status_step AS NOT MATERIALIZED (
	-- the state in force from each event time: the latest-known version among those whose status time has passed
	SELECT DISTINCT initiative_id, event_at,
		arg_max(struct_pack(status := status, benefit := benefit), valid_from) OVER (
			PARTITION BY initiative_id ORDER BY event_at RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS state
	FROM status_event
),
first_event AS NOT MATERIALIZED (
	SELECT initiative_id, min(event_at) AS first_event_at FROM status_event GROUP BY initiative_id
),
step AS NOT MATERIALIZED (
	SELECT initiative_id, event_at, state.status::initiative_status AS status, state.benefit AS benefit FROM status_step
	UNION ALL
	-- before any status time has passed: under review
	SELECT b.initiative_id, b.submitted_at, 'under_review'::initiative_status, NULL
	FROM complex_base b JOIN first_event f USING (initiative_id)
	WHERE f.first_event_at > b.submitted_at
),
island_start AS NOT MATERIALIZED (
	SELECT * FROM step
	QUALIFY lag(struct_pack(status, benefit)) OVER (PARTITION BY initiative_id ORDER BY event_at)
		IS DISTINCT FROM struct_pack(status, benefit)
),
status_span AS NOT MATERIALIZED (
	SELECT initiative_id, status, benefit, event_at AS span_from,
		coalesce(lead(event_at) OVER (PARTITION BY initiative_id ORDER BY event_at), 'infinity'::TIMESTAMP) AS span_to
	FROM island_start
),
withdrawal AS NOT MATERIALIZED (
	SELECT initiative_id, withdrawn_at, reinstated_at,
		lead(withdrawn_at) OVER (PARTITION BY initiative_id ORDER BY withdrawn_at) AS next_withdrawn_at,
		row_number() OVER (PARTITION BY initiative_id ORDER BY withdrawn_at) AS withdrawal_number
	FROM initiative_withdrawal
),
on_portal AS NOT MATERIALIZED (
	SELECT b.initiative_id, b.submitted_at AS on_from, coalesce(w.withdrawn_at, 'infinity'::TIMESTAMP) AS on_to
	FROM complex_base b LEFT JOIN withdrawal w ON w.initiative_id = b.initiative_id AND w.withdrawal_number = 1
	UNION ALL
	SELECT initiative_id, reinstated_at, coalesce(next_withdrawn_at, 'infinity'::TIMESTAMP)
	FROM withdrawal WHERE reinstated_at IS NOT NULL
),
complex_period AS NOT MATERIALIZED (
	SELECT s.initiative_id, s.status, s.benefit,
		greatest(s.span_from, o.on_from) AS from_at, least(s.span_to, o.on_to) AS to_at
	FROM status_span s JOIN on_portal o
		ON o.initiative_id = s.initiative_id AND s.span_from < o.on_to AND o.on_from < s.span_to
)
SELECT initiative_id, grassroots_code, upper_code, level1_code, status, benefit, field, sector, is_leader,
	submitted_at, from_at, to_at, grassroots_no, author_key_no
FROM (
	SELECT * FROM simple_period
	UNION ALL
	SELECT p.initiative_id, b.grassroots_code, b.upper_code, b.level1_code, b.field, b.sector, b.is_leader,
		b.submitted_at, b.grassroots_no, b.author_key_no, p.status, p.benefit, p.from_at, nullif(p.to_at, 'infinity'::TIMESTAMP) AS to_at
	FROM complex_period p JOIN complex_base b USING (initiative_id)
	WHERE p.from_at < p.to_at
);

-- sorted apart from the joins above (the sort and the joins' hash tables do not fit the memory limit together), and in four slices of
-- from_at appended one after the other: the same order as one sort, but each slice's sort fits in memory (one sort of every row spills).
CREATE OR REPLACE TEMP TABLE period_slice AS
SELECT quantile_disc(from_at, [0.25, 0.5, 0.75]) AS bound FROM period_row;

INSERT INTO initiative_period BY NAME
SELECT * FROM period_row p
WHERE p.from_at < (SELECT bound[1] FROM period_slice)
ORDER BY p.from_at, p.initiative_id;

INSERT INTO initiative_period BY NAME
SELECT * FROM period_row p
WHERE p.from_at >= (SELECT bound[1] FROM period_slice) AND p.from_at < (SELECT bound[2] FROM period_slice)
ORDER BY p.from_at, p.initiative_id;

INSERT INTO initiative_period BY NAME
SELECT * FROM period_row p
WHERE p.from_at >= (SELECT bound[2] FROM period_slice) AND p.from_at < (SELECT bound[3] FROM period_slice)
ORDER BY p.from_at, p.initiative_id;

INSERT INTO initiative_period BY NAME
SELECT * FROM period_row p
WHERE p.from_at >= (SELECT bound[3] FROM period_slice)
ORDER BY p.from_at, p.initiative_id;

DROP TABLE period_row;
DROP TABLE author_number;
DROP TABLE period_complex_id;
DROP TABLE period_slice;
