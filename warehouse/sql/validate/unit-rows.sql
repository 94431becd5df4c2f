-- Types every row of a staged unit file in one pass (NFC, trimmed, level, province by name key, sector, counts) and names its first problem (NULL = loadable).
CREATE OR REPLACE TEMP TABLE vu_row AS
WITH cleaned AS (
	SELECT r.row_number,
		tidy(r."Mã đơn vị") AS unit_code,
		tidy(r."Tên đơn vị") AS name,
		tidy(r."Cấp") AS level_text,
		tidy(r."Mã đơn vị cấp trên") AS parent_code,
		tidy(r."Loại") AS type,
		tidy(r."Tỉnh, thành phố") AS province_text,
		tidy(r."Khối") AS sector_text,
		tidy(r."Số đoàn viên") AS members_text,
		tidy(r."Chỉ tiêu giao") AS assigned_text,
		tidy(r."Chỉ tiêu đăng ký") AS registered_text,
		tidy(r."Chỉ tiêu giai đoạn 1") AS phase1_text
	FROM {{rows}} r
), provinces AS (
	SELECT DISTINCT c.province_text, p.code AS province_code
	FROM cleaned c LEFT JOIN validate_province_key p ON p.key = province_key(c.province_text)
	WHERE c.province_text IS NOT NULL
), sectors AS (
	-- A handful of distinct texts: name keys once each, not once per row.
	SELECT sector_text, sector_name(sector_text) AS sector
	FROM (SELECT DISTINCT sector_text FROM cleaned WHERE sector_text IS NOT NULL)
), typed AS (
	SELECT c.*,
		CASE c.level_text WHEN '1' THEN 1 WHEN '2' THEN 2 WHEN '3' THEN 3 END AS level,
		p.province_code,
		s.sector,
		parse_count(c.members_text) AS members,
		parse_count(c.assigned_text) AS target_assigned,
		parse_count(c.registered_text) AS target_registered,
		parse_count(c.phase1_text) AS target_phase1
	FROM cleaned c LEFT JOIN provinces p ON p.province_text = c.province_text
	LEFT JOIN sectors s ON s.sector_text = c.sector_text
)
SELECT t.*,
	CASE
		WHEN t.unit_code IS NULL THEN {'code': 'missing_id', 'field': 'Mã đơn vị', 'raw': NULL}
		WHEN t.level IS NULL THEN {'code': 'bad_number', 'field': 'Cấp', 'raw': t.level_text}
		WHEN t.province_text IS NOT NULL AND t.province_code IS NULL
			THEN {'code': 'unknown_province', 'field': 'Tỉnh, thành phố', 'raw': t.province_text}
		WHEN t.members_text IS NOT NULL AND t.members IS NULL THEN {'code': 'bad_number', 'field': 'Số đoàn viên', 'raw': t.members_text}
		WHEN t.assigned_text IS NOT NULL AND t.target_assigned IS NULL
			THEN {'code': 'bad_number', 'field': 'Chỉ tiêu giao', 'raw': t.assigned_text}
		WHEN t.registered_text IS NOT NULL AND t.target_registered IS NULL
			THEN {'code': 'bad_number', 'field': 'Chỉ tiêu đăng ký', 'raw': t.registered_text}
		WHEN t.phase1_text IS NOT NULL AND t.target_phase1 IS NULL
			THEN {'code': 'bad_number', 'field': 'Chỉ tiêu giai đoạn 1', 'raw': t.phase1_text}
	END AS problem
FROM typed t;
