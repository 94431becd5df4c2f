-- Core tables, rebuilt by the merge stage (pipelines/merge) from every loaded staged row: unit history and current tree, initiative history, withdrawals and current state.

-- One row per unit and version of its don-vi row: valid from the export time it was first seen in that form to the export time of the next don-vi snapshot where it changed or was missing (null = still so).
CREATE TABLE IF NOT EXISTS unit_version (
	unit_code VARCHAR NOT NULL,
	valid_from TIMESTAMP NOT NULL,
	valid_to TIMESTAMP,
	name VARCHAR,
	level INTEGER,
	parent_code VARCHAR,
	type VARCHAR,
	province_code VARCHAR,
	sector VARCHAR,
	members BIGINT,
	target_assigned BIGINT,
	target_registered BIGINT,
	target_phase1 BIGINT
);

-- The current unit tree: every unit of the latest don-vi snapshot, with its level-1 and level-2 ancestors.
CREATE TABLE IF NOT EXISTS unit (
	unit_code VARCHAR NOT NULL,
	name VARCHAR,
	level INTEGER,
	parent_code VARCHAR,
	level1_code VARCHAR,
	upper_code VARCHAR,
	kind VARCHAR,
	province_code VARCHAR,
	sector VARCHAR,
	members BIGINT,
	target_assigned BIGINT,
	target_registered BIGINT,
	target_phase1 BIGINT
);

-- USING COMPRESSION: the large tables' text columns name the compression DuckDB picks for them anyway (FSST for ids and free texts, dictionary for
-- short lists), so a write does not try every method on each segment first (~15-25% of these tables' insert CPU at scale 1).
-- One row per initiative and version of its row: valid from the export time of the first snapshot showing that row to the export time of the first snapshot showing
-- another (null = latest). Only the state is kept (unit, dates, status, benefit); the texts, field and leader flag of every version stay in staged_initiative, the
-- latest ones in initiative. status_at = reviewed_at, else submitted_at.
CREATE TABLE IF NOT EXISTS initiative_version (
	initiative_id VARCHAR NOT NULL USING COMPRESSION fsst,
	valid_from TIMESTAMP NOT NULL,
	valid_to TIMESTAMP,
	grassroots_code VARCHAR USING COMPRESSION fsst,
	submitted_at TIMESTAMP,
	recognized_on DATE,
	status VARCHAR USING COMPRESSION dictionary,
	reviewed_at TIMESTAMP,
	benefit BIGINT,
	status_at TIMESTAMP
);

-- Versions written before the state-only layout carried the texts: dropped (merge rebuilds every row).
ALTER TABLE initiative_version DROP COLUMN IF EXISTS title;
ALTER TABLE initiative_version DROP COLUMN IF EXISTS field;
ALTER TABLE initiative_version DROP COLUMN IF EXISTS author;
ALTER TABLE initiative_version DROP COLUMN IF EXISTS coauthors;
ALTER TABLE initiative_version DROP COLUMN IF EXISTS phone;
ALTER TABLE initiative_version DROP COLUMN IF EXISTS position;
ALTER TABLE initiative_version DROP COLUMN IF EXISTS is_leader;

-- One row per withdrawal: the export time of the first covering snapshot ('toan-quoc' or the initiative's level-1 unit) that no longer contained it, and the export time it reappeared (null = still withdrawn).
CREATE TABLE IF NOT EXISTS initiative_withdrawal (
	initiative_id VARCHAR NOT NULL,
	withdrawn_at TIMESTAMP NOT NULL,
	reinstated_at TIMESTAMP
);

-- One row per initiative: its latest known state, its units in the current tree, author key, when first seen and when withdrawn (null = on the portal now).
CREATE TABLE IF NOT EXISTS initiative (
	initiative_id VARCHAR NOT NULL USING COMPRESSION fsst,
	title VARCHAR USING COMPRESSION fsst,
	field VARCHAR USING COMPRESSION dictionary,
	author VARCHAR USING COMPRESSION fsst,
	coauthors VARCHAR USING COMPRESSION fsst,
	phone VARCHAR USING COMPRESSION fsst,
	position VARCHAR USING COMPRESSION dictionary,
	is_leader BOOLEAN,
	grassroots_code VARCHAR USING COMPRESSION fsst,
	upper_code VARCHAR USING COMPRESSION dictionary,
	level1_code VARCHAR USING COMPRESSION dictionary,
	sector VARCHAR USING COMPRESSION dictionary,
	submitted_at TIMESTAMP,
	recognized_on DATE,
	status VARCHAR USING COMPRESSION dictionary,
	reviewed_at TIMESTAMP,
	status_at TIMESTAMP,
	benefit BIGINT,
	author_key VARCHAR USING COMPRESSION fsst,
	first_seen_at TIMESTAMP,
	withdrawn_at TIMESTAMP
);
