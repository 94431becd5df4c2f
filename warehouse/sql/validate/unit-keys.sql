-- Name keys of the grassroots unions of the unit tree (own name, upper-level union's name), built once per unit tree and reused by every initiative file.
CREATE OR REPLACE TEMP TABLE validate_unit_key AS
SELECT g.unit_code, g.level1_code, name_key(g.name) AS grassroots_key, name_key(u.name) AS upper_key
FROM unit g LEFT JOIN unit u ON u.unit_code = g.upper_code
WHERE g.level = 3;
