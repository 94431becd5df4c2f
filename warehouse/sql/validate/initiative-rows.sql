-- Types every row of a staged initiative file in one pass (NFC, trimmed, dates, status, field, flag, benefit), joins its resolved unit and names its first problem (NULL = loadable).
CREATE OR REPLACE TEMP TABLE vi_row AS
WITH cleaned AS (
	SELECT r.row_number,
		clean_text(r."Mã sáng kiến") AS initiative_id,
		clean_text(r."Tên sáng kiến") AS title,
		clean_text(r."Lĩnh vực") AS field_text,
		clean_text(r."Tác giả") AS author,
		clean_text(r."Đồng tác giả") AS coauthors,
		clean_text(r."Điện thoại") AS phone,
		clean_text(r."Chức vụ") AS position,
		clean_text(r."Lãnh đạo, quản lý") AS leader_text,
		clean_text(r."Mã CĐCS") AS code_text,
		clean_text(r."Công đoàn cơ sở") AS grassroots_name,
		clean_text(r."Công đoàn cấp trên trực tiếp") AS upper_name,
		clean_text(r."Đơn vị trực thuộc Tổng Liên đoàn") AS level1_name,
		clean_text(r."Ngày cập nhật") AS submitted_text,
		clean_text(r."Ngày công nhận") AS recognized_text,
		clean_text(r."Trạng thái") AS status_text,
		clean_text(r."Ngày duyệt") AS reviewed_text,
		clean_text(r."Giá trị làm lợi (đồng/năm)") AS benefit_text
	FROM {{rows}} r
), typed AS (
	SELECT c.*,
		parse_wall_clock(c.submitted_text) AS submitted_at,
		parse_wall_clock(c.recognized_text) AS recognized_at,
		parse_wall_clock(c.reviewed_text) AS reviewed_at,
		status_code(c.status_text) AS status,
		field_name(c.field_text) AS field,
		leader_flag(c.leader_text) AS is_leader,
		benefit_amount(c.benefit_text) AS benefit,
		benefit_negative(c.benefit_text) AS benefit_is_negative,
		u.grassroots_code,
		u.level1_code,
		u.name_matches
	FROM cleaned c
	LEFT JOIN vi_combo u
		ON u.code_text IS NOT DISTINCT FROM c.code_text
		AND u.grassroots_name IS NOT DISTINCT FROM c.grassroots_name
		AND u.upper_name IS NOT DISTINCT FROM c.upper_name
		AND u.level1_name IS NOT DISTINCT FROM c.level1_name
)
SELECT t.*,
	CASE
		WHEN t.initiative_id IS NULL THEN {'code': 'missing_id', 'field': 'Mã sáng kiến', 'raw': NULL}
		WHEN t.submitted_at IS NULL THEN {'code': 'bad_date', 'field': 'Ngày cập nhật', 'raw': t.submitted_text}
		WHEN t.submitted_at < TIMESTAMP '2022-01-08' OR t.submitted_at >= TIMESTAMP '2023-09-02'
			THEN {'code': 'date_out_of_range', 'field': 'Ngày cập nhật', 'raw': t.submitted_text}
		WHEN t.submitted_at > {{exported_at}} THEN {'code': 'date_after_export', 'field': 'Ngày cập nhật', 'raw': t.submitted_text}
		WHEN t.recognized_text IS NOT NULL AND t.recognized_at IS NULL
			THEN {'code': 'bad_date', 'field': 'Ngày công nhận', 'raw': t.recognized_text}
		WHEN t.reviewed_text IS NOT NULL AND t.reviewed_at IS NULL
			THEN {'code': 'bad_date', 'field': 'Ngày duyệt', 'raw': t.reviewed_text}
		WHEN t.reviewed_at > {{exported_at}} THEN {'code': 'date_after_export', 'field': 'Ngày duyệt', 'raw': t.reviewed_text}
		WHEN t.status IS NULL THEN {'code': 'unknown_status', 'field': 'Trạng thái', 'raw': t.status_text}
		WHEN t.benefit_text IS NOT NULL AND t.benefit IS NULL
			THEN {'code': 'bad_benefit', 'field': 'Giá trị làm lợi (đồng/năm)', 'raw': t.benefit_text}
		WHEN t.benefit_is_negative THEN {'code': 'negative_benefit', 'field': 'Giá trị làm lợi (đồng/năm)', 'raw': t.benefit_text}
		WHEN t.field_text IS NOT NULL AND t.field IS NULL THEN {'code': 'unknown_field', 'field': 'Lĩnh vực', 'raw': t.field_text}
		WHEN t.is_leader IS NULL THEN {'code': 'bad_flag', 'field': 'Lãnh đạo, quản lý', 'raw': t.leader_text}
		WHEN t.grassroots_code IS NULL AND t.name_matches > 1
			THEN {'code': 'ambiguous_unit', 'field': 'Công đoàn cơ sở', 'raw': t.grassroots_name}
		WHEN t.grassroots_code IS NULL THEN {'code': 'unresolved_unit', 'field': 'Công đoàn cơ sở', 'raw': t.grassroots_name}
	END AS problem
FROM typed t;
