-- Completes a checked initiative file after initiative-rows.sql loaded its rows: superseded duplicates (the later status time wins, then the later row) are
-- taken out of staged_initiative again, quarantine with short messages (the few problem rows of vi_bad joined back to the staged rows for their raw values),
-- and every id the file holds.
CREATE OR REPLACE TEMP TABLE vi_id AS
SELECT initiative_id, sum(loadable) AS loadable
FROM (
	SELECT initiative_id, count(*) AS loadable FROM staged_initiative WHERE file_id = {{file_id}} GROUP BY initiative_id
	UNION ALL
	SELECT initiative_id, 0 FROM vi_bad WHERE initiative_id IS NOT NULL
)
GROUP BY initiative_id;

CREATE OR REPLACE TEMP TABLE vi_superseded AS
WITH ranked AS (
	SELECT r.row_number, r.initiative_id,
		row_number() OVER w AS rank,
		first_value(r.row_number) OVER w AS kept_row_number
	FROM staged_initiative r SEMI JOIN (SELECT initiative_id FROM vi_id WHERE loadable > 1) d ON d.initiative_id = r.initiative_id
	WHERE r.file_id = {{file_id}}
	WINDOW w AS (PARTITION BY r.initiative_id ORDER BY coalesce(r.reviewed_at, r.submitted_at) DESC, r.row_number DESC)
)
SELECT row_number, initiative_id, kept_row_number FROM ranked WHERE rank > 1;

DELETE FROM staged_initiative
WHERE file_id = {{file_id}} AND row_number IN (SELECT row_number FROM vi_superseded);

INSERT INTO superseded_row (file_id, row_number, initiative_id, kept_row_number)
SELECT {{file_id}}, row_number, initiative_id, kept_row_number FROM vi_superseded;

INSERT INTO quarantine (file_id, row_number, field, raw_value, reason_code, message, initiative_id, level1_code, raw_record)
WITH bad AS (
	SELECT c.row_number, c.initiative_id, c.level1_code, c.name_matches, p.reason_code, p.header,
		CASE p.header
			WHEN 'Mã sáng kiến' THEN NULL
			WHEN 'Ngày cập nhật' THEN clean_text(raw."Ngày cập nhật")
			WHEN 'Ngày công nhận' THEN clean_text(raw."Ngày công nhận")
			WHEN 'Ngày duyệt' THEN clean_text(raw."Ngày duyệt")
			WHEN 'Trạng thái' THEN clean_text(raw."Trạng thái")
			WHEN 'Giá trị làm lợi (đồng/năm)' THEN clean_text(raw."Giá trị làm lợi (đồng/năm)")
			WHEN 'Lĩnh vực' THEN clean_text(raw."Lĩnh vực")
			WHEN 'Lãnh đạo, quản lý' THEN clean_text(raw."Lãnh đạo, quản lý")
			WHEN 'Công đoàn cơ sở' THEN clean_text(raw."Công đoàn cơ sở")
		END AS raw_value,
		clean_text(raw."Mã CĐCS") AS code_text,
		to_json(raw) AS raw_record
	FROM vi_bad c
	JOIN {{rows}} raw ON raw.row_number = c.row_number
	JOIN vi_problem p ON p.problem = c.problem
)
SELECT {{file_id}}, row_number, header, raw_value, reason_code,
	CASE reason_code
		WHEN 'missing_id' THEN 'missing initiative id'
		WHEN 'bad_date' THEN format('invalid date "{}" in {}', raw_value, header)
		WHEN 'date_out_of_range' THEN format('date "{}" outside 08/01/2022–01/09/2023', raw_value)
		WHEN 'date_after_export' THEN format('{} "{}" after the export time', header, raw_value)
		WHEN 'unknown_status' THEN format('unknown status "{}"', coalesce(raw_value, ''))
		WHEN 'bad_benefit' THEN format('invalid benefit "{}"', raw_value)
		WHEN 'negative_benefit' THEN format('negative benefit "{}"', raw_value)
		WHEN 'unknown_field' THEN format('unknown field "{}"', raw_value)
		WHEN 'bad_flag' THEN format('invalid leader flag "{}"', raw_value)
		WHEN 'ambiguous_unit' THEN format('ambiguous grassroots union "{}": {} matches', raw_value, name_matches)
		ELSE format('unresolved grassroots union "{}" (code "{}")', coalesce(raw_value, ''), coalesce(code_text, ''))
	END || format(' (row {}, {})', row_number, {{file_name}}),
	initiative_id, level1_code, raw_record
FROM bad;

INSERT INTO file_presence (file_id, initiative_id)
SELECT {{file_id}}, initiative_id FROM vi_id;
