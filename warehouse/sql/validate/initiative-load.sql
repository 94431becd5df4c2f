-- Writes a checked initiative file (vi_check beside the staged rows, by position): superseded duplicates (the later status time wins, then the later row), loaded rows, quarantine with short messages, and every id the file holds.
CREATE OR REPLACE TEMP TABLE vi_superseded AS
WITH duplicated AS (
	SELECT initiative_id FROM vi_check WHERE problem IS NULL GROUP BY initiative_id HAVING count(*) > 1
), ranked AS (
	SELECT r.row_number, r.initiative_id,
		row_number() OVER w AS rank,
		first_value(r.row_number) OVER w AS kept_row_number
	FROM vi_check r SEMI JOIN duplicated d ON d.initiative_id = r.initiative_id
	WHERE r.problem IS NULL
	WINDOW w AS (PARTITION BY r.initiative_id ORDER BY coalesce(r.reviewed_at, r.submitted_at) DESC, r.row_number DESC)
)
SELECT row_number, initiative_id, kept_row_number FROM ranked WHERE rank > 1;

INSERT INTO superseded_row (file_id, row_number, initiative_id, kept_row_number)
SELECT {{file_id}}, row_number, initiative_id, kept_row_number FROM vi_superseded;

INSERT INTO staged_initiative (file_id, row_number, initiative_id, title, field, author, coauthors, phone, position,
	is_leader, grassroots_code, submitted_at, recognized_on, status, reviewed_at, benefit)
SELECT {{file_id}}, c.row_number, c.initiative_id, tidy(raw."Tên sáng kiến"), c.field, tidy(raw."Tác giả"),
	tidy(raw."Đồng tác giả"), tidy(raw."Điện thoại"), tidy(raw."Chức vụ"), c.is_leader, c.grassroots_code, c.submitted_at,
	c.recognized_on, c.status, c.reviewed_at, c.benefit
FROM ({{rows}} raw POSITIONAL JOIN vi_check c)
WHERE c.problem IS NULL AND c.row_number NOT IN (SELECT row_number FROM vi_superseded);

INSERT INTO quarantine (file_id, row_number, field, raw_value, reason_code, message, initiative_id, level1_code, raw_record)
SELECT {{file_id}}, r.row_number, r.problem.field, r.problem.raw, r.problem.code,
	CASE r.problem.code
		WHEN 'missing_id' THEN 'missing initiative id'
		WHEN 'bad_date' THEN format('invalid date "{}" in {}', r.problem.raw, r.problem.field)
		WHEN 'date_out_of_range' THEN format('date "{}" outside 08/01/2022–01/09/2023', r.problem.raw)
		WHEN 'date_after_export' THEN format('{} "{}" after the export time', r.problem.field, r.problem.raw)
		WHEN 'unknown_status' THEN format('unknown status "{}"', coalesce(r.problem.raw, ''))
		WHEN 'bad_benefit' THEN format('invalid benefit "{}"', r.problem.raw)
		WHEN 'negative_benefit' THEN format('negative benefit "{}"', r.problem.raw)
		WHEN 'unknown_field' THEN format('unknown field "{}"', r.problem.raw)
		WHEN 'bad_flag' THEN format('invalid leader flag "{}"', r.problem.raw)
		WHEN 'ambiguous_unit' THEN format('ambiguous grassroots union "{}": {} matches', r.problem.raw, r.name_matches)
		ELSE format('unresolved grassroots union "{}" (code "{}")', coalesce(r.problem.raw, ''), coalesce(r.code_text, ''))
	END || format(' (row {}, {})', r.row_number, {{file_name}}),
	r.initiative_id, r.level1_code, to_json(raw)
FROM ({{rows}} raw POSITIONAL JOIN vi_check r)
WHERE r.problem IS NOT NULL;

INSERT INTO file_presence (file_id, initiative_id)
SELECT DISTINCT {{file_id}}, initiative_id FROM vi_check WHERE initiative_id IS NOT NULL;
