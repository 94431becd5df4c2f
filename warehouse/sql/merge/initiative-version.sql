-- Rebuilds initiative_version from every loaded staged row, set-based: a version starts at the first snapshot (by export time, not load order) showing a row different from the one before (texts included); consecutive identical rows are one version.
DELETE FROM initiative_version;

-- Pass 1 over all observations (ids, times and a hash only): rows whose state differs from the previous observation's.
CREATE OR REPLACE TEMP TABLE version_start AS
WITH observation AS (
	SELECT s.initiative_id, f.exported_at, s.file_id, s.row_number, s.reviewed_at,
		hash(s.title, s.field, s.author, s.coauthors, s.phone, s.position, s.is_leader, s.grassroots_code,
			s.submitted_at, s.recognized_on, s.status, s.reviewed_at, s.benefit) AS state_hash
	FROM staged_initiative s JOIN initiative_file f USING (file_id)
),
sequenced AS (
	SELECT initiative_id, exported_at, file_id, row_number, state_hash,
		lag(state_hash) OVER w AS previous_hash,
		row_number() OVER w AS sequence_number
	FROM observation
	WINDOW w AS (PARTITION BY initiative_id ORDER BY exported_at, reviewed_at NULLS FIRST, state_hash)
)
SELECT initiative_id, exported_at, file_id, row_number, state_hash, sequence_number
FROM sequenced
WHERE previous_hash IS DISTINCT FROM state_hash;

-- Pass 2 over the starts: an initiative with one start has one open version; for the others, two states exported at the same
-- minute keep the last (latest review), and what becomes adjacent merges. Each version keeps the staged row that first showed it.
CREATE OR REPLACE TEMP TABLE version_bound AS
WITH several AS (
	SELECT initiative_id FROM version_start GROUP BY initiative_id HAVING count(*) > 1
),
non_empty AS (
	SELECT * FROM version_start
	WHERE initiative_id IN (SELECT initiative_id FROM several)
	QUALIFY lead(exported_at) OVER (PARTITION BY initiative_id ORDER BY sequence_number) IS DISTINCT FROM exported_at
),
merged AS (
	SELECT * FROM non_empty
	QUALIFY lag(state_hash) OVER (PARTITION BY initiative_id ORDER BY sequence_number) IS DISTINCT FROM state_hash
),
bounded AS (
	SELECT initiative_id, file_id, row_number, exported_at AS valid_from,
		lead(exported_at) OVER (PARTITION BY initiative_id ORDER BY exported_at) AS valid_to
	FROM merged
	UNION ALL
	SELECT initiative_id, file_id, row_number, exported_at, NULL::TIMESTAMP
	FROM version_start
	WHERE initiative_id NOT IN (SELECT initiative_id FROM several)
)
SELECT initiative_id, file_id, row_number, valid_from, valid_to FROM bounded;

-- The state columns of each version from its first staged row (texts stay in staged_initiative; initiative.sql takes the latest ones).
INSERT INTO initiative_version BY NAME
SELECT b.initiative_id, b.valid_from, b.valid_to, s.grassroots_code, s.submitted_at, s.recognized_on, s.status, s.reviewed_at, s.benefit,
	coalesce(s.reviewed_at, s.submitted_at) AS status_at
FROM version_bound b JOIN staged_initiative s USING (file_id, row_number);
