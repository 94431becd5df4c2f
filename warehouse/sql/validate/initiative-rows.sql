-- Checks every row of a staged initiative file in one pass: typed values (dates, status, field, flag, benefit), its resolved unit and its first problem (NULL = loadable); narrow, stored in row order so it lines up with the staged rows.
CREATE OR REPLACE TEMP TABLE vi_check AS
WITH typed AS (
	SELECT r.row_number,
		tidy(r."Mã sáng kiến") AS initiative_id,
		r."Lĩnh vực" AS field_raw,
		r."Lãnh đạo, quản lý" AS leader_raw,
		r."Ngày cập nhật" AS submitted_raw,
		r."Ngày công nhận" AS recognized_raw,
		r."Trạng thái" AS status_raw,
		r."Ngày duyệt" AS reviewed_raw,
		r."Giá trị làm lợi (đồng/năm)" AS benefit_raw,
		parse_wall_clock(r."Ngày cập nhật") AS submitted_at,
		parse_wall_clock(r."Ngày công nhận") AS recognized_at,
		parse_wall_clock(r."Ngày duyệt") AS reviewed_at,
		status_code(r."Trạng thái") AS status,
		field_name(r."Lĩnh vực") AS field,
		leader_flag(r."Lãnh đạo, quản lý") AS is_leader,
		coalesce(try_cast(r."Giá trị làm lợi (đồng/năm)" AS BIGINT), b.amount) AS benefit,
		coalesce(b.negative, false) OR try_cast(r."Giá trị làm lợi (đồng/năm)" AS BIGINT) < 0 AS benefit_is_negative,
		u.grassroots_code,
		u.level1_code,
		u.name_matches,
		u.code_text,
		u.grassroots_name
	FROM {{rows}} r
	LEFT JOIN vi_combo u
		ON u.code_raw IS NOT DISTINCT FROM r."Mã CĐCS"
		AND u.grassroots_raw IS NOT DISTINCT FROM r."Công đoàn cơ sở"
		AND u.upper_raw IS NOT DISTINCT FROM r."Công đoàn cấp trên trực tiếp"
		AND u.level1_raw IS NOT DISTINCT FROM r."Đơn vị trực thuộc Tổng Liên đoàn"
	LEFT JOIN vi_benefit b ON b.benefit_raw = r."Giá trị làm lợi (đồng/năm)"
)
SELECT t.row_number, t.initiative_id, t.submitted_at, t.recognized_at::DATE AS recognized_on, t.reviewed_at, t.status,
	t.field, t.is_leader, t.benefit, t.grassroots_code, t.level1_code, t.name_matches, t.code_text,
	CASE
		WHEN t.initiative_id IS NULL THEN {'code': 'missing_id', 'field': 'Mã sáng kiến', 'raw': NULL}
		WHEN t.submitted_at IS NULL THEN {'code': 'bad_date', 'field': 'Ngày cập nhật', 'raw': clean_text(t.submitted_raw)}
		WHEN t.submitted_at < TIMESTAMP '2022-01-08' OR t.submitted_at >= TIMESTAMP '2023-09-02'
			THEN {'code': 'date_out_of_range', 'field': 'Ngày cập nhật', 'raw': clean_text(t.submitted_raw)}
		WHEN t.submitted_at > {{exported_at}}
			THEN {'code': 'date_after_export', 'field': 'Ngày cập nhật', 'raw': clean_text(t.submitted_raw)}
		WHEN t.recognized_at IS NULL AND clean_text(t.recognized_raw) IS NOT NULL
			THEN {'code': 'bad_date', 'field': 'Ngày công nhận', 'raw': clean_text(t.recognized_raw)}
		WHEN t.reviewed_at IS NULL AND clean_text(t.reviewed_raw) IS NOT NULL
			THEN {'code': 'bad_date', 'field': 'Ngày duyệt', 'raw': clean_text(t.reviewed_raw)}
		WHEN t.reviewed_at > {{exported_at}} THEN {'code': 'date_after_export', 'field': 'Ngày duyệt', 'raw': clean_text(t.reviewed_raw)}
		WHEN t.status IS NULL THEN {'code': 'unknown_status', 'field': 'Trạng thái', 'raw': clean_text(t.status_raw)}
		WHEN t.benefit IS NULL AND clean_text(t.benefit_raw) IS NOT NULL
			THEN {'code': 'bad_benefit', 'field': 'Giá trị làm lợi (đồng/năm)', 'raw': clean_text(t.benefit_raw)}
		WHEN t.benefit_is_negative
			THEN {'code': 'negative_benefit', 'field': 'Giá trị làm lợi (đồng/năm)', 'raw': clean_text(t.benefit_raw)}
		WHEN t.field IS NULL AND clean_text(t.field_raw) IS NOT NULL
			THEN {'code': 'unknown_field', 'field': 'Lĩnh vực', 'raw': clean_text(t.field_raw)}
		WHEN t.is_leader IS NULL THEN {'code': 'bad_flag', 'field': 'Lãnh đạo, quản lý', 'raw': clean_text(t.leader_raw)}
		WHEN t.grassroots_code IS NULL AND t.name_matches > 1
			THEN {'code': 'ambiguous_unit', 'field': 'Công đoàn cơ sở', 'raw': t.grassroots_name}
		WHEN t.grassroots_code IS NULL THEN {'code': 'unresolved_unit', 'field': 'Công đoàn cơ sở', 'raw': t.grassroots_name}
	END AS problem
FROM typed t
ORDER BY t.row_number;
