-- Synthetic staged input for measuring merge+build at scale: a 37,800-union tree and getvariable('initiatives') initiatives observed in getvariable('snapshots') national snapshots 15 days apart (late-skewed submissions, reviews, temporary and permanent withdrawals).
DELETE FROM staged_unit; DELETE FROM staged_initiative; DELETE FROM file_presence; DELETE FROM source_file;

INSERT INTO source_file (file_id, sha256, file_name, dataset, scope, exported_at, format, gzip, size_bytes, run_id, status,
	rows_read, rows_loaded, rows_quarantined, rows_superseded)
SELECT 1000, 'sha-units', 'don-vi_20220108-0000.csv', 'units', NULL, TIMESTAMP '2022-01-08 00:00', 'csv', false, 0, 'bench', 'loaded', 0, 0, 0, 0
UNION ALL
SELECT k + 1, 'sha-' || k, 'sang-kien_toan-quoc_' || k || '.csv', 'initiatives', 'toan-quoc',
	TIMESTAMP '2022-01-20 08:00' + to_days((k * 15)::INTEGER), 'csv', false, 0, 'bench', 'loaded', 0, 0, 0, 0
FROM range(getvariable('snapshots')) r(k);

INSERT INTO staged_unit
SELECT 1000, row_number() OVER (), code, 'Unit ' || code, level, parent, NULL, '38', sector, 100, 10, NULL, NULL
FROM (
	SELECT 'L' || lpad(a::VARCHAR, 2, '0') AS code, 1 AS level, NULL AS parent, NULL AS sector FROM range(63) t(a)
	UNION ALL
	SELECT 'L' || lpad(a::VARCHAR, 2, '0') || '.' || lpad(b::VARCHAR, 2, '0'), 2, 'L' || lpad(a::VARCHAR, 2, '0'), NULL
	FROM range(63) t(a), range(15) u(b)
	UNION ALL
	SELECT 'L' || lpad(a::VARCHAR, 2, '0') || '.' || lpad(b::VARCHAR, 2, '0') || '.' || lpad(c::VARCHAR, 4, '0'), 3,
		'L' || lpad(a::VARCHAR, 2, '0') || '.' || lpad(b::VARCHAR, 2, '0'), 'Y tế'
	FROM range(63) t(a), range(15) u(b), range(40) v(c)
);

CREATE OR REPLACE TEMP TABLE synthetic_initiative AS
SELECT i, 'SK-' || lpad(i::VARCHAR, 7, '0') AS initiative_id,
	'L' || lpad((g // 600)::VARCHAR, 2, '0') || '.' || lpad((g // 40 % 15)::VARCHAR, 2, '0') || '.' || lpad((g % 40)::VARCHAR, 4, '0') AS grassroots_code,
	TIMESTAMP '2022-01-08 00:00' + to_minutes((600 * 1440 * pow((hash(i) % 1000000) / 1e6, 0.4))::BIGINT) AS submitted_at
FROM (SELECT i, hash(i * 7919) % 37800 AS g FROM range(getvariable('initiatives')) r(i));

INSERT INTO staged_initiative
SELECT f.file_id, row_number() OVER (PARTITION BY f.file_id), s.initiative_id, 'Sáng kiến ' || s.i, 'Khác',
	'Tác giả ' || (s.i % 500000), NULL, CASE WHEN s.i % 3 = 0 THEN NULL ELSE '09' || lpad((s.i % 100000000)::VARCHAR, 8, '0') END,
	'Công nhân', s.i % 10 = 0, s.grassroots_code, s.submitted_at, NULL,
	CASE WHEN f.exported_at < review_at THEN 'under_review' WHEN s.i % 5 = 0 THEN 'invalid' ELSE 'valid' END,
	CASE WHEN f.exported_at >= review_at THEN review_at END,
	CASE WHEN f.exported_at >= review_at AND s.i % 5 <> 0 THEN (s.i % 1000) * 1000000 END
FROM (SELECT *, submitted_at + to_days((5 + i % 20)::INTEGER) AS review_at FROM synthetic_initiative) s
JOIN source_file f ON f.dataset = 'initiatives' AND f.exported_at >= s.submitted_at
-- 1% miss one snapshot a month after submission (withdrawn, then reinstated); 0.5% are withdrawn for good after two months
WHERE NOT (s.i % 100 = 7 AND f.exported_at >= s.submitted_at + INTERVAL 30 DAY AND f.exported_at < s.submitted_at + INTERVAL 45 DAY)
	AND NOT (s.i % 200 = 3 AND f.exported_at >= s.submitted_at + INTERVAL 60 DAY);

INSERT INTO file_presence SELECT file_id, initiative_id FROM staged_initiative;

UPDATE source_file SET rows_read = n, rows_loaded = n
FROM (SELECT file_id, count(*) AS n FROM staged_initiative GROUP BY file_id) c WHERE c.file_id = source_file.file_id;
UPDATE source_file SET rows_read = (SELECT count(*) FROM staged_unit), rows_loaded = (SELECT count(*) FROM staged_unit) WHERE file_id = 1000;
DROP TABLE synthetic_initiative;
