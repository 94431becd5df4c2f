-- Mart tables, rebuilt by the build stage (pipelines/build) from core, and figure_revision, written by the audit stage (pipelines/audit); read by queries/.

-- Grain: one row per period during which an initiative was on the portal with one status and benefit; to_at null = still so. "X as of T" = from_at <= T AND (to_at IS NULL OR to_at > T). Stored sorted by from_at.
CREATE TABLE IF NOT EXISTS initiative_period (
	initiative_id VARCHAR NOT NULL,
	grassroots_code VARCHAR,
	upper_code VARCHAR,
	level1_code VARCHAR,
	status VARCHAR NOT NULL,
	benefit BIGINT,
	field VARCHAR,
	sector VARCHAR,
	is_leader BOOLEAN,
	author_key VARCHAR,
	submitted_at TIMESTAMP NOT NULL,
	from_at TIMESTAMP NOT NULL,
	to_at TIMESTAMP
);

-- Grain: one row per (unit_code, day) for the nation (unit_code 'VN', unit_level 0), every level-1 unit (1) and every upper-level union (2), each day from 2022-01-08 to the latest export day: the figures as of the end of that day (T = day 23:59).
CREATE TABLE IF NOT EXISTS daily_series (
	unit_code VARCHAR NOT NULL,
	unit_level INTEGER NOT NULL,
	day DATE NOT NULL,
	on_portal BIGINT NOT NULL,
	under_review BIGINT NOT NULL,
	valid BIGINT NOT NULL,
	invalid BIGINT NOT NULL,
	valid_benefit BIGINT NOT NULL
);

-- Grain: one row per unit of the current tree at every level, plus the nation ('VN', level 0): figures as of the latest export time, with targets and attainment (valid ÷ target; null without a target).
CREATE TABLE IF NOT EXISTS unit_totals (
	unit_code VARCHAR NOT NULL,
	unit_level INTEGER NOT NULL,
	name VARCHAR,
	parent_code VARCHAR,
	level1_code VARCHAR,
	upper_code VARCHAR,
	as_of TIMESTAMP,
	on_portal BIGINT NOT NULL,
	under_review BIGINT NOT NULL,
	valid BIGINT NOT NULL,
	invalid BIGINT NOT NULL,
	valid_benefit BIGINT NOT NULL,
	participating_grassroots BIGINT NOT NULL,
	authors BIGINT NOT NULL,
	members BIGINT,
	target_assigned BIGINT,
	target_registered BIGINT,
	target_phase1 BIGINT,
	attainment DOUBLE,
	attainment_registered DOUBLE,
	attainment_phase1 DOUBLE
);

-- Grain: one row per (level1_code, month, metric) whose figure for that closed month (the change over the month of the daily series) differs from the previous published version; explained = a newly loaded file covering the unit accounts for it (file_ids: its earliest row of the unit or its export falls in that month or before), so the UI can say "revised by a late export", or the month's own end figure is unchanged (only an earlier month end moved, which is checked at the first month it moved).
CREATE TABLE IF NOT EXISTS figure_revision (
	level1_code VARCHAR NOT NULL,
	month DATE NOT NULL,
	metric VARCHAR NOT NULL,
	previous_value BIGINT,
	new_value BIGINT,
	previous_month_end BIGINT,
	new_month_end BIGINT,
	explained BOOLEAN NOT NULL,
	file_ids INTEGER[]
);
