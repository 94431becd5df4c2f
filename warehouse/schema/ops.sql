-- Operations tables of a warehouse version: the run log (copies of runs/*.json up to this version) and version metadata.
CREATE TABLE IF NOT EXISTS run_log (
	run_id     VARCHAR PRIMARY KEY,
	trigger    VARCHAR NOT NULL CHECK (trigger IN ('manual', 'schedule', 'start')),
	started_at TIMESTAMP NOT NULL,
	ended_at   TIMESTAMP,
	status     VARCHAR NOT NULL CHECK (status IN ('published', 'nothing_new', 'rejected_by_audit', 'failed')),
	version    VARCHAR,
	record     JSON NOT NULL
);

CREATE TABLE IF NOT EXISTS warehouse_meta (
	key   VARCHAR PRIMARY KEY,
	value VARCHAR NOT NULL
);
