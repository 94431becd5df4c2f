-- Ingest tables of a warehouse version (pipelines/CONTRACTS.md): source files, quarantine, superseded rows, staged rows, file presence.
CREATE TABLE IF NOT EXISTS source_file (
	file_id INTEGER PRIMARY KEY,
	sha256 VARCHAR NOT NULL,
	file_name VARCHAR NOT NULL,
	dataset VARCHAR NOT NULL CHECK (dataset IN ('initiatives', 'units')),
	scope VARCHAR,
	exported_at TIMESTAMP NOT NULL,
	format VARCHAR NOT NULL CHECK (format IN ('csv', 'xlsx', 'json')),
	gzip BOOLEAN NOT NULL,
	size_bytes BIGINT NOT NULL,
	run_id VARCHAR,
	status VARCHAR NOT NULL CHECK (status IN ('loaded', 'rejected')),
	reject_reason VARCHAR,
	rows_read BIGINT NOT NULL DEFAULT 0,
	rows_loaded BIGINT NOT NULL DEFAULT 0,
	rows_quarantined BIGINT NOT NULL DEFAULT 0,
	rows_superseded BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS quarantine (
	file_id INTEGER NOT NULL,
	row_number BIGINT,
	field VARCHAR,
	raw_value VARCHAR,
	reason_code VARCHAR NOT NULL,
	message VARCHAR NOT NULL,
	initiative_id VARCHAR,
	level1_code VARCHAR,
	raw_record JSON
);

CREATE TABLE IF NOT EXISTS superseded_row (
	file_id INTEGER NOT NULL,
	row_number BIGINT NOT NULL,
	initiative_id VARCHAR NOT NULL,
	kept_row_number BIGINT NOT NULL
);

-- USING COMPRESSION: the large tables' text columns name the compression DuckDB picks for them anyway (FSST for ids and free texts, dictionary for
-- short lists), so a write does not try every method on each segment first (~15-25% of these tables' insert CPU at scale 1).
CREATE TABLE IF NOT EXISTS staged_initiative (
	file_id INTEGER NOT NULL,
	row_number BIGINT NOT NULL,
	initiative_id VARCHAR NOT NULL USING COMPRESSION fsst,
	title VARCHAR USING COMPRESSION fsst,
	field VARCHAR USING COMPRESSION dictionary,
	author VARCHAR USING COMPRESSION fsst,
	coauthors VARCHAR USING COMPRESSION fsst,
	phone VARCHAR USING COMPRESSION fsst,
	position VARCHAR USING COMPRESSION dictionary,
	is_leader BOOLEAN NOT NULL,
	grassroots_code VARCHAR NOT NULL USING COMPRESSION fsst,
	submitted_at TIMESTAMP NOT NULL,
	recognized_on DATE,
	status VARCHAR NOT NULL USING COMPRESSION dictionary CHECK (status IN ('under_review', 'valid', 'invalid')),
	reviewed_at TIMESTAMP,
	benefit BIGINT
);

CREATE TABLE IF NOT EXISTS file_presence (
	file_id INTEGER NOT NULL,
	initiative_id VARCHAR NOT NULL USING COMPRESSION fsst
);

CREATE TABLE IF NOT EXISTS staged_unit (
	file_id INTEGER NOT NULL,
	row_number BIGINT NOT NULL,
	unit_code VARCHAR NOT NULL,
	name VARCHAR,
	level INTEGER NOT NULL,
	parent_code VARCHAR,
	type VARCHAR,
	province_code VARCHAR,
	sector VARCHAR,
	members BIGINT,
	target_assigned BIGINT,
	target_registered BIGINT,
	target_phase1 BIGINT
);
