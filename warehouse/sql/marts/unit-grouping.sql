-- Temporary macros of the marts that count every level in one GROUPING SETS ((), (level1_code), (upper_code), (grassroots_code)) pass
-- (unit-totals.sql, unit-detail.sql): g is grouping(level1_code, upper_code, grassroots_code); the unit a grouped row belongs to, and the
-- rows kept (the nation, and each level's rows with a unit code).
CREATE OR REPLACE TEMP MACRO grouped_unit(g, level1, upper, grassroots) AS
	CASE g WHEN 7 THEN 'VN' WHEN 3 THEN level1 WHEN 5 THEN upper ELSE grassroots END;

CREATE OR REPLACE TEMP MACRO kept_grouping(g, level1, upper, grassroots) AS
	g = 7 OR (g = 3 AND level1 IS NOT NULL) OR (g = 5 AND upper IS NOT NULL) OR (g = 6 AND grassroots IS NOT NULL);
