-- Rebuilds initiative: one row per initiative with its latest known state, its units in the current tree, author key (CONTRACTS.md "Authors"), first presence and open withdrawal.
DELETE FROM initiative;

INSERT INTO initiative BY NAME
WITH latest AS (
	-- the staged row that first showed the latest version: its texts and state (the same row initiative_version took the state from)
	SELECT b.initiative_id, b.valid_from, s.* EXCLUDE (file_id, row_number, initiative_id), coalesce(s.reviewed_at, s.submitted_at) AS status_at
	FROM version_bound b JOIN staged_initiative s USING (file_id, row_number)
	WHERE b.valid_to IS NULL
),
first_seen AS (
	SELECT initiative_id, exported_at AS first_seen_at FROM presence_event WHERE presence_number = 1
),
open_withdrawal AS (
	SELECT initiative_id, withdrawn_at FROM initiative_withdrawal WHERE reinstated_at IS NULL
),
keyed AS (
	SELECT v.*, u.upper_code, u.level1_code, u.sector,
		regexp_replace(coalesce(v.phone, ''), '[^0-9]', '', 'g') AS phone_digits
	FROM latest v LEFT JOIN unit u ON u.unit_code = v.grassroots_code
)
SELECT k.initiative_id, k.title, k.field, k.author, k.coauthors, k.phone, k.position, k.is_leader,
	k.grassroots_code, k.upper_code, k.level1_code, k.sector, k.submitted_at, k.recognized_on, k.status,
	k.reviewed_at, k.status_at, k.benefit,
	CASE
		-- nameKey (warehouse/text/name-key.ts): diacritics folded, đ → d, letters and digits only
		WHEN k.phone_digits = '' THEN k.level1_code || ':' || k.grassroots_code || ':'
			|| regexp_replace(replace(strip_accents(lower(coalesce(k.author, ''))), 'đ', 'd'), '[^a-z0-9]+', '', 'g')
		WHEN k.phone_digits LIKE '84%' THEN k.level1_code || ':0' || k.phone_digits[3:]
		ELSE k.level1_code || ':' || k.phone_digits
	END AS author_key,
	coalesce(f.first_seen_at, k.valid_from) AS first_seen_at,
	w.withdrawn_at
FROM keyed k
LEFT JOIN first_seen f USING (initiative_id)
LEFT JOIN open_withdrawal w USING (initiative_id);
