-- Audit: files breaking rows_read = rows_loaded + rows_quarantined + rows_superseded, and loaded files whose staged row count differs from rows_loaded.
SELECT 'file ' || file_id || ' ' || file_name || ': read ' || rows_read || ' ≠ ' || rows_loaded || ' + ' || rows_quarantined || ' + ' || rows_superseded AS key
FROM source_file
WHERE rows_read IS DISTINCT FROM rows_loaded + rows_quarantined + rows_superseded
UNION ALL
SELECT 'file ' || f.file_id || ' ' || f.file_name || ': rows_loaded ' || f.rows_loaded || ' ≠ staged ' || coalesce(s.n, 0)
FROM source_file f
LEFT JOIN (
	SELECT file_id, count(*) AS n FROM staged_initiative GROUP BY file_id
	UNION ALL
	SELECT file_id, count(*) FROM staged_unit GROUP BY file_id
) s USING (file_id)
WHERE f.status = 'loaded' AND f.rows_loaded IS DISTINCT FROM coalesce(s.n, 0)
