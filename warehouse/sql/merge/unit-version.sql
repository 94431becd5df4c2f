-- Rebuilds unit_version (SCD2) from every loaded don-vi snapshot: a version starts where a unit's row first appears or changes, and ends at the next don-vi export where it changed or was missing.
DELETE FROM unit_version;

INSERT INTO unit_version BY NAME
WITH unit_file AS (
	-- one file per content (a file loaded twice counts once)
	SELECT min(file_id) AS file_id, exported_at
	FROM source_file
	WHERE status = 'loaded' AND dataset = 'units'
	GROUP BY sha256, exported_at
),
snapshot AS (
	SELECT exported_at, lead(exported_at) OVER (ORDER BY exported_at) AS next_snapshot_at
	FROM (SELECT DISTINCT exported_at FROM unit_file)
),
observation AS (
	SELECT u.unit_code, f.exported_at, u.name, u.level, u.parent_code, u.type, u.province_code, u.sector,
		u.members, u.target_assigned, u.target_registered, u.target_phase1,
		hash(u.name, u.level, u.parent_code, u.type, u.province_code, u.sector, u.members,
			u.target_assigned, u.target_registered, u.target_phase1) AS state_hash
	FROM staged_unit u JOIN unit_file f USING (file_id)
	-- two files exported at the same minute: keep one row per unit, chosen by content, not load order
	QUALIFY row_number() OVER (PARTITION BY u.unit_code, f.exported_at ORDER BY state_hash) = 1
),
sequenced AS (
	SELECT o.*, s.next_snapshot_at,
		lag(o.state_hash) OVER w AS previous_hash,
		lag(s.next_snapshot_at) OVER w AS previous_next_snapshot_at
	FROM observation o JOIN snapshot s USING (exported_at)
	WINDOW w AS (PARTITION BY o.unit_code ORDER BY o.exported_at)
),
grouped AS (
	SELECT *,
		sum(CASE WHEN previous_hash IS NULL OR previous_hash <> state_hash
			OR previous_next_snapshot_at <> exported_at THEN 1 ELSE 0 END)
			OVER (PARTITION BY unit_code ORDER BY exported_at) AS version_number
	FROM sequenced
)
SELECT unit_code,
	min(exported_at) AS valid_from,
	-- the snapshot after the version's last observation: where it changed or was missing
	arg_max_null(next_snapshot_at, exported_at) AS valid_to,
	any_value(name) AS name, any_value(level) AS level, any_value(parent_code) AS parent_code,
	any_value(type) AS type, any_value(province_code) AS province_code, any_value(sector) AS sector,
	any_value(members) AS members, any_value(target_assigned) AS target_assigned,
	any_value(target_registered) AS target_registered, any_value(target_phase1) AS target_phase1
FROM grouped
GROUP BY unit_code, version_number
ORDER BY unit_code, valid_from;
