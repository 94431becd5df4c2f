-- The initiative snapshots merge reads: loaded sang-kien files, one per content (a file loaded twice counts once), with scope and export time.
CREATE OR REPLACE TEMP TABLE initiative_file AS
SELECT min(file_id) AS file_id, min(scope) AS scope, exported_at
FROM source_file
WHERE status = 'loaded' AND dataset = 'initiatives'
GROUP BY sha256, exported_at;
