-- Rebuilds initiative_withdrawal: an initiative is withdrawn at the first covering snapshot ('toan-quoc' or its own level-1 unit's) after a presence that does not contain it, and reinstated when a loaded file contains it again. Presence comes from file_presence (quarantined rows count).
DELETE FROM initiative_withdrawal;

-- The level-1 unit of each initiative's latest state ('' when its grassroots union is not in the current tree: only national snapshots cover it).
CREATE OR REPLACE TEMP TABLE initiative_level1 AS
SELECT v.initiative_id, coalesce(u.level1_code, '') AS level1_key
FROM initiative_version v LEFT JOIN unit u ON u.unit_code = v.grassroots_code
WHERE v.valid_to IS NULL;

-- Export times of the snapshots covering each level-1 unit.
CREATE OR REPLACE TEMP TABLE covering_snapshot AS
SELECT DISTINCT l.level1_key, f.exported_at
FROM initiative_file f
JOIN (SELECT DISTINCT level1_key FROM initiative_level1) l ON f.scope = 'toan-quoc' OR f.scope = l.level1_key;

-- One pass over all presences: each one with the next presence and the next covering snapshot; keeps the first presence and the gaps.
CREATE OR REPLACE TEMP TABLE presence_event AS
WITH presence AS (
	SELECT p.initiative_id, l.level1_key, f.exported_at
	FROM file_presence p
	JOIN initiative_file f USING (file_id)
	JOIN initiative_level1 l USING (initiative_id)
),
sequenced AS (
	SELECT initiative_id, level1_key, exported_at,
		lead(exported_at) OVER w AS next_presence_at,
		row_number() OVER w AS presence_number
	FROM presence
	WINDOW w AS (PARTITION BY initiative_id ORDER BY exported_at)
)
SELECT s.initiative_id, s.exported_at, s.next_presence_at, s.presence_number, c.exported_at AS next_snapshot_at
FROM sequenced s
ASOF LEFT JOIN covering_snapshot c ON c.level1_key = s.level1_key AND c.exported_at > s.exported_at
WHERE s.presence_number = 1
	OR (c.exported_at IS NOT NULL AND (s.next_presence_at IS NULL OR s.next_presence_at > c.exported_at));

INSERT INTO initiative_withdrawal BY NAME
SELECT initiative_id, next_snapshot_at AS withdrawn_at, next_presence_at AS reinstated_at
FROM presence_event
WHERE next_snapshot_at IS NOT NULL AND (next_presence_at IS NULL OR next_presence_at > next_snapshot_at)
ORDER BY initiative_id, withdrawn_at;
