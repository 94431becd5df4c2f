-- The problems an initiative row can have, numbered as initiative-rows.sql checks them (a negative benefit is checked before an unreadable one): reason code and the header of the field at fault.
CREATE OR REPLACE TEMP TABLE vi_problem AS
SELECT * FROM (VALUES
	(1, 'missing_id', 'Mã sáng kiến'),
	(2, 'bad_date', 'Ngày cập nhật'),
	(3, 'date_out_of_range', 'Ngày cập nhật'),
	(4, 'date_after_export', 'Ngày cập nhật'),
	(5, 'bad_date', 'Ngày công nhận'),
	(6, 'bad_date', 'Ngày duyệt'),
	(7, 'date_after_export', 'Ngày duyệt'),
	(8, 'unknown_status', 'Trạng thái'),
	(9, 'bad_benefit', 'Giá trị làm lợi (đồng/năm)'),
	(10, 'negative_benefit', 'Giá trị làm lợi (đồng/năm)'),
	(11, 'unknown_field', 'Lĩnh vực'),
	(12, 'bad_flag', 'Lãnh đạo, quản lý'),
	(13, 'ambiguous_unit', 'Công đoàn cơ sở'),
	(14, 'unresolved_unit', 'Công đoàn cơ sở')
) v(problem, reason_code, header);
