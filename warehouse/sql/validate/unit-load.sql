-- Writes a typed unit file: a unit code listed twice keeps its later row (the other is superseded), loaded rows, quarantine with short messages.
CREATE OR REPLACE TEMP TABLE vu_superseded AS
WITH ranked AS (
	SELECT row_number, unit_code,
		row_number() OVER w AS rank,
		first_value(row_number) OVER w AS kept_row_number
	FROM vu_row WHERE problem IS NULL
	WINDOW w AS (PARTITION BY unit_code ORDER BY row_number DESC)
)
SELECT row_number, unit_code, kept_row_number FROM ranked WHERE rank > 1;

INSERT INTO superseded_row (file_id, row_number, initiative_id, kept_row_number)
SELECT {{file_id}}, row_number, unit_code, kept_row_number FROM vu_superseded;

INSERT INTO staged_unit (file_id, row_number, unit_code, name, level, parent_code, type, province_code, sector,
	members, target_assigned, target_registered, target_phase1)
SELECT {{file_id}}, r.row_number, r.unit_code, r.name, r.level, r.parent_code, r.type, r.province_code, r.sector,
	r.members, r.target_assigned, r.target_registered, r.target_phase1
FROM vu_row r ANTI JOIN vu_superseded s ON s.row_number = r.row_number
WHERE r.problem IS NULL;

INSERT INTO quarantine (file_id, row_number, field, raw_value, reason_code, message, initiative_id, level1_code, raw_record)
SELECT {{file_id}}, r.row_number, r.problem.field, r.problem.raw, r.problem.code,
	CASE r.problem.code
		WHEN 'missing_id' THEN 'missing unit code'
		WHEN 'unknown_province' THEN format('unknown province "{}"', r.problem.raw)
		ELSE format('invalid number "{}" in {}', coalesce(r.problem.raw, ''), r.problem.field)
	END || format(' (row {}, {})', r.row_number, {{file_name}}),
	NULL, CASE WHEN r.level = 1 THEN r.unit_code ELSE split_part(r.unit_code, '.', 1) END, to_json(raw)
FROM vu_row r JOIN {{rows}} raw ON raw.row_number = r.row_number
WHERE r.problem IS NOT NULL;
