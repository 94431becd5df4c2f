-- Checks every row of a staged initiative file in one pass: typed values (dates, status, field, flag, benefit), the cleaned texts, its resolved unit
-- and its first problem (a vi_problem number, NULL = loadable), as the view vi_typed; the loadable rows are written to staged_initiative straight from it
-- (no wide intermediate table). The rare problem rows are read from the view again only when some row was not loaded (initiative-problem-rows.sql).
CREATE OR REPLACE TEMP VIEW vi_typed AS
WITH fast AS (
	SELECT r.row_number,
		tidy(r."Mã sáng kiến") AS initiative_id,
		tidy(r."Tên sáng kiến") AS title,
		tidy(r."Tác giả") AS author,
		tidy(r."Đồng tác giả") AS coauthors,
		tidy(r."Điện thoại") AS phone,
		tidy(r."Chức vụ") AS position,
		r."Ngày cập nhật" AS submitted_raw,
		r."Ngày công nhận" AS recognized_raw,
		r."Ngày duyệt" AS reviewed_raw,
		r."Giá trị làm lợi (đồng/năm)" AS benefit_raw,
		r."Lĩnh vực" AS field_raw,
		try_strptime(r."Ngày cập nhật", '%d/%m/%Y %H:%M') AS submitted_fast,
		try_strptime(r."Ngày công nhận", '%d/%m/%Y') AS recognized_fast,
		try_strptime(r."Ngày duyệt", '%d/%m/%Y %H:%M') AS reviewed_fast,
		status_code(r."Trạng thái") AS status,
		field_name(r."Lĩnh vực") AS field,
		leader_flag(r."Lãnh đạo, quản lý") AS is_leader,
		try_cast(r."Giá trị làm lợi (đồng/năm)" AS BIGINT) AS benefit_fast,
		b.amount AS benefit_parsed,
		b.negative AS benefit_parsed_negative,
		u.grassroots_code,
		u.level1_code,
		u.name_matches
	FROM {{rows}} r
	LEFT JOIN vi_combo u
		ON u.code_raw IS NOT DISTINCT FROM r."Mã CĐCS"
		AND u.grassroots_raw IS NOT DISTINCT FROM r."Công đoàn cơ sở"
		AND u.upper_raw IS NOT DISTINCT FROM r."Công đoàn cấp trên trực tiếp"
		AND u.level1_raw IS NOT DISTINCT FROM r."Đơn vị trực thuộc Tổng Liên đoàn"
	LEFT JOIN vi_benefit b ON b.benefit_raw = r."Giá trị làm lợi (đồng/năm)"
), typed AS (
	SELECT f.*,
		parse_wall_clock_after(f.submitted_fast, f.submitted_raw) AS submitted_at,
		parse_wall_clock_after(f.recognized_fast, f.recognized_raw) AS recognized_at,
		parse_wall_clock_after(f.reviewed_fast, f.reviewed_raw) AS reviewed_at,
		CASE WHEN f.benefit_fast >= 0 THEN f.benefit_fast WHEN f.benefit_fast IS NULL THEN f.benefit_parsed END AS benefit,
		f.benefit_fast < 0 OR f.benefit_parsed_negative AS benefit_is_negative
	FROM fast f
)
SELECT t.row_number, t.initiative_id, t.title, t.author, t.coauthors, t.phone, t.position, t.submitted_at, t.recognized_at::DATE AS recognized_on, t.reviewed_at, t.status,
	t.field, t.is_leader, t.benefit, t.grassroots_code, t.level1_code, t.name_matches,
	CASE
		WHEN t.initiative_id IS NULL THEN 1
		WHEN t.submitted_at IS NULL THEN 2
		WHEN t.submitted_at < TIMESTAMP '2022-01-08' OR t.submitted_at >= TIMESTAMP '2023-09-02' THEN 3
		WHEN t.submitted_at > {{exported_at}} THEN 4
		WHEN t.recognized_at IS NULL AND t.recognized_raw IS NOT NULL AND clean_text(t.recognized_raw) IS NOT NULL THEN 5
		WHEN t.reviewed_at IS NULL AND t.reviewed_raw IS NOT NULL AND clean_text(t.reviewed_raw) IS NOT NULL THEN 6
		WHEN t.reviewed_at > {{exported_at}} THEN 7
		WHEN t.status IS NULL THEN 8
		WHEN t.benefit_is_negative THEN 10
		WHEN t.benefit IS NULL AND t.benefit_raw IS NOT NULL AND clean_text(t.benefit_raw) IS NOT NULL THEN 9
		WHEN t.field IS NULL AND t.field_raw IS NOT NULL AND clean_text(t.field_raw) IS NOT NULL THEN 11
		WHEN t.is_leader IS NULL THEN 12
		WHEN t.grassroots_code IS NULL AND t.name_matches > 1 THEN 13
		WHEN t.grassroots_code IS NULL THEN 14
	END::UTINYINT AS problem
FROM typed t;

INSERT INTO staged_initiative (file_id, row_number, initiative_id, title, field, author, coauthors, phone, position,
	is_leader, grassroots_code, submitted_at, recognized_on, status, reviewed_at, benefit)
SELECT {{file_id}}, c.row_number, c.initiative_id, c.title, c.field, c.author, c.coauthors, c.phone, c.position, c.is_leader,
	c.grassroots_code, c.submitted_at, c.recognized_on, c.status, c.reviewed_at, c.benefit
FROM vi_typed c
WHERE c.problem IS NULL;
