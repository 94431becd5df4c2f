-- Audit: keys that occur more than once in a core or mart table (one row per offending key).
SELECT 'unit ' || unit_code AS key FROM unit GROUP BY unit_code HAVING count(*) > 1
UNION ALL SELECT 'unit_version ' || unit_code || ' from ' || valid_from FROM unit_version GROUP BY unit_code, valid_from HAVING count(*) > 1
UNION ALL SELECT 'initiative ' || initiative_id FROM initiative GROUP BY initiative_id HAVING count(*) > 1
UNION ALL SELECT 'initiative_version ' || initiative_id || ' from ' || valid_from FROM initiative_version GROUP BY initiative_id, valid_from HAVING count(*) > 1
UNION ALL SELECT 'initiative_withdrawal ' || initiative_id || ' at ' || withdrawn_at FROM initiative_withdrawal GROUP BY initiative_id, withdrawn_at HAVING count(*) > 1
UNION ALL SELECT 'daily_series ' || unit_code || ' ' || day FROM daily_series GROUP BY unit_code, day HAVING count(*) > 1
UNION ALL SELECT 'unit_totals ' || unit_code FROM unit_totals GROUP BY unit_code HAVING count(*) > 1
