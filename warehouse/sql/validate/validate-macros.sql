-- Temporary macros of validation: text cleaning, name keys (same keys as warehouse/text/name-key.ts), wall-clock dates, benefits, counts, statuses, fields, flags.

-- NFC, trimmed of spaces, tabs, line breaks and no-break spaces; blank is NULL.
CREATE OR REPLACE TEMP MACRO clean_text(s) AS
	nullif(trim(nfc_normalize(s), ' ' || chr(9) || chr(10) || chr(13) || chr(160)), '');

-- Quick check that a text may need clean_text: a Vietnamese combining mark (decomposed text: U+0300 0301 0302 0303
-- 0306 0309 031B 0323), a tab, line break or no-break space anywhere, a space at either end, or nothing at all.
-- Text without any of these is already clean (NFC for Vietnamese), so tidy() skips the costly normalisation for it.
CREATE OR REPLACE TEMP MACRO needs_cleaning(s) AS
	s = '' OR starts_with(s, ' ') OR ends_with(s, ' ') OR contains(s, chr(10)) OR contains(s, chr(13)) OR contains(s, chr(9))
	OR (strlen(s) <> length(s) AND (contains(s, chr(768)) OR contains(s, chr(769)) OR contains(s, chr(771))
		OR contains(s, chr(777)) OR contains(s, chr(803)) OR contains(s, chr(770)) OR contains(s, chr(774))
		OR contains(s, chr(795)) OR contains(s, chr(160))));

-- clean_text() of a text, fast for text that is already clean.
CREATE OR REPLACE TEMP MACRO tidy(s) AS CASE WHEN needs_cleaning(s) THEN clean_text(s) ELSE s END;

-- nameKey(): diacritics folded (đ → d), lower case, letters and digits only (strip_accents decomposes, so NFD and NFC agree).
CREATE OR REPLACE TEMP MACRO name_key(s) AS
	regexp_replace(lower(strip_accents(replace(replace(s, 'đ', 'd'), 'Đ', 'D'))), '[^a-z0-9]+', '', 'g');

-- provinceKey(): nameKey without a leading "Thành phố", "Tỉnh" or "TP".
CREATE OR REPLACE TEMP MACRO province_key_of(k) AS CASE
	WHEN starts_with(k, 'thanhpho') AND length(k) > 10 THEN substr(k, 9)
	WHEN starts_with(k, 'tinh') AND length(k) > 6 THEN substr(k, 5)
	WHEN starts_with(k, 'tp') AND length(k) > 4 THEN substr(k, 3)
	ELSE k END;
CREATE OR REPLACE TEMP MACRO province_key(s) AS province_key_of(name_key(s));

-- Minutes east of UTC of an ISO zone suffix: "Z", "+07:00", "+0700", "-05".
CREATE OR REPLACE TEMP MACRO zone_minutes(z) AS CASE
	WHEN z = 'Z' THEN 0
	ELSE (CASE WHEN z[1] = '-' THEN -1 ELSE 1 END)
		* (z[2:3]::INTEGER * 60 + coalesce(nullif(replace(z[4:], ':', ''), '')::INTEGER, 0)) END;

-- Viet Nam wall-clock TIMESTAMP of the date forms exports use, NULL when none fits:
-- dd/mm/yyyy HH:mm[:ss], dd/mm/yyyy, ISO 8601 (T or space, seconds optional, zone converted to UTC+7), Excel serial day numbers.
CREATE OR REPLACE TEMP MACRO parse_wall_clock_forms(t) AS (
	CASE
		WHEN t IS NULL THEN NULL
		WHEN regexp_full_match(t, '\d{1,2}/\d{1,2}/\d{4}( \d{1,2}:\d{2}(:\d{2})?)?')
			THEN try_strptime(t, ['%d/%m/%Y %H:%M:%S', '%d/%m/%Y'])
		WHEN regexp_full_match(t, '\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?')
			THEN try_cast(replace(t, 'T', ' ') AS TIMESTAMP)
		WHEN regexp_full_match(t, '\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)')
			THEN try_cast(replace(regexp_extract(t, '^[0-9-]+[T ][0-9:.]+'), 'T', ' ') AS TIMESTAMP)
				+ to_minutes(420 - zone_minutes(regexp_extract(t, '(Z|[+-]\d{2}(:?\d{2})?)$', 1)))
		WHEN regexp_full_match(t, '\d{5}(\.\d+)?')
			THEN TIMESTAMP '1899-12-30' + to_seconds(round(t::DOUBLE * 86400)::BIGINT)
	END);

-- The same for raw text: the common dd/mm/yyyy HH:mm form first, the others after cleaning (a CASE, so only rows
-- the first form misses pay for the others).
CREATE OR REPLACE TEMP MACRO parse_wall_clock_after(fast, raw) AS CASE
	WHEN fast IS NOT NULL THEN fast
	WHEN raw IS NULL THEN NULL
	ELSE parse_wall_clock_forms(clean_text(raw)) END;
CREATE OR REPLACE TEMP MACRO parse_wall_clock(raw) AS parse_wall_clock_after(try_strptime(raw, '%d/%m/%Y %H:%M'), raw);

-- Amount of a benefit text without its sign, in VND (DECIMAL), NULL when it cannot be read:
-- 4980000000, 4.980.000.000, 4,980,000,000, "4,98 tỷ", "520 triệu", "1,2 tỷ đồng", "0".
CREATE OR REPLACE TEMP MACRO benefit_fold(t) AS
	lower(strip_accents(replace(replace(t, 'đ', 'd'), 'Đ', 'D')));
CREATE OR REPLACE TEMP MACRO benefit_parts(f) AS regexp_extract(f,
	'^-?\s*([0-9][0-9.,]*)\s*(ty|trieu|nghin|ngan)?\s*(dong|vnd|d)?\s*(/\s*nam)?$', ['number', 'unit', 'currency', 'per_year']);
CREATE OR REPLACE TEMP MACRO benefit_number(n, has_unit) AS CASE
	WHEN regexp_full_match(n, '[0-9]+') THEN n::DECIMAL(38, 6)
	WHEN regexp_full_match(n, '[0-9]{1,3}(\.[0-9]{3})+') THEN replace(n, '.', '')::DECIMAL(38, 6)
	WHEN NOT has_unit AND regexp_full_match(n, '[0-9]{1,3}(,[0-9]{3})+') THEN replace(n, ',', '')::DECIMAL(38, 6)
	WHEN has_unit AND regexp_full_match(n, '[0-9]{1,3}(\.[0-9]{3})*,[0-9]+') THEN replace(replace(n, '.', ''), ',', '.')::DECIMAL(38, 6)
	WHEN has_unit AND regexp_full_match(n, '[0-9]+\.([0-9]{1,2}|[0-9]{4,})') THEN n::DECIMAL(38, 6)
	END;
CREATE OR REPLACE TEMP MACRO benefit_scaled(p) AS
	benefit_number(p.number, p.unit <> '') * CASE p.unit WHEN 'ty' THEN 1000000000 WHEN 'trieu' THEN 1000000
		WHEN 'nghin' THEN 1000 WHEN 'ngan' THEN 1000 ELSE 1 END;
CREATE OR REPLACE TEMP MACRO benefit_amount(t) AS CASE
	WHEN t IS NULL THEN NULL
	WHEN regexp_full_match(t, '[0-9]{1,18}') THEN t::BIGINT
	ELSE try_cast(round(benefit_scaled(benefit_parts(benefit_fold(t)))) AS BIGINT) END;
-- Whether a (cleaned) benefit text is written with a minus sign.
CREATE OR REPLACE TEMP MACRO benefit_negative(t) AS starts_with(t, '-');

-- Whole non-negative count (members, targets): 1234, 1.234, 1,234; NULL when it cannot be read.
CREATE OR REPLACE TEMP MACRO parse_count(t) AS CASE
	WHEN regexp_full_match(t, '[0-9]{1,15}') THEN t::BIGINT
	WHEN regexp_full_match(t, '[0-9]{1,3}([.,][0-9]{3})+') THEN regexp_replace(t, '[.,]', '', 'g')::BIGINT
	WHEN regexp_full_match(t, '[0-9]{1,15}\.0+') THEN split_part(t, '.', 1)::BIGINT
	END;

-- Status code of a status text (case, diacritics and Unicode form ignored); NULL when unknown.
CREATE OR REPLACE TEMP MACRO status_code(s) AS CASE s
	WHEN 'Hợp lệ' THEN 'valid' WHEN 'Đang xem xét' THEN 'under_review' WHEN 'Không hợp lệ' THEN 'invalid'
	WHEN 'Chờ duyệt' THEN 'under_review'
	ELSE CASE name_key(s) WHEN 'hople' THEN 'valid' WHEN 'khonghople' THEN 'invalid'
		WHEN 'dangxemxet' THEN 'under_review' WHEN 'choduyet' THEN 'under_review' END END;

-- Canonical field (Lĩnh vực) of a field text; NULL when unknown.
CREATE OR REPLACE TEMP MACRO field_name(s) AS CASE
	WHEN s IN ('Sản xuất, kinh doanh', 'Giáo dục, đào tạo', 'Y tế', 'Hành chính, sự nghiệp', 'Khoa học, công nghệ',
		'Phòng, chống dịch Covid-19', 'Hoạt động công đoàn', 'Khác') THEN s
	ELSE CASE name_key(s)
		WHEN 'sanxuatkinhdoanh' THEN 'Sản xuất, kinh doanh' WHEN 'giaoducdaotao' THEN 'Giáo dục, đào tạo'
		WHEN 'yte' THEN 'Y tế' WHEN 'hanhchinhsunghiep' THEN 'Hành chính, sự nghiệp'
		WHEN 'khoahoccongnghe' THEN 'Khoa học, công nghệ' WHEN 'phongchongdichcovid19' THEN 'Phòng, chống dịch Covid-19'
		WHEN 'hoatdongcongdoan' THEN 'Hoạt động công đoàn' WHEN 'khac' THEN 'Khác' END END;

-- Leader flag: Có / x / 1 → true; Không / 0 / blank → false; NULL when unreadable.
CREATE OR REPLACE TEMP MACRO leader_flag(s) AS CASE
	WHEN s IS NULL THEN false
	WHEN s IN ('Có', 'x', 'X', '1') THEN true
	WHEN s IN ('Không', '0') THEN false
	ELSE CASE name_key(s) WHEN 'co' THEN true WHEN 'x' THEN true WHEN '1' THEN true WHEN 'true' THEN true
		WHEN 'khong' THEN false WHEN '0' THEN false WHEN 'false' THEN false WHEN '' THEN false END END;

-- Canonical sector (Khối) of a grassroots union; other texts are kept as written.
CREATE OR REPLACE TEMP MACRO sector_name(s) AS CASE name_key(s)
	WHEN 'doanhnghiepnhanuoc' THEN 'Doanh nghiệp nhà nước'
	WHEN 'doanhnghiepngoainhanuoc' THEN 'Doanh nghiệp ngoài nhà nước'
	WHEN 'doanhnghiepcovondautunuocngoai' THEN 'Doanh nghiệp có vốn đầu tư nước ngoài'
	WHEN 'giaoduc' THEN 'Giáo dục' WHEN 'yte' THEN 'Y tế'
	WHEN 'hanhchinhsunghiepkhac' THEN 'Hành chính, sự nghiệp khác'
	WHEN 'xaphuongthitran' THEN 'Xã, phường, thị trấn'
	ELSE s END;
