-- Rebuilds unit_author_front from unit_author: each unit's authors ranked within its first 100 (ties kept), named from their last
-- initiative's row. A unit's 100th key is found by a top-100 per unit (no sort of unit_author's 4 M rows at scale 1), then only the rows
-- at or above it (~150,000) are joined to initiative; they are ranked when read (a unit's ~100 rows).
DELETE FROM unit_author_front;

CREATE OR REPLACE TEMP MACRO author_front_key(valid, on_portal, benefit) AS
	-- valid DESC, on_portal DESC, benefit DESC NULLS LAST as one descending key (a null benefit below every benefit)
	struct_pack(v := valid, o := on_portal, b := coalesce(benefit, -9223372036854775808));

INSERT INTO unit_author_front BY NAME
WITH cut AS (
	SELECT unit_code, list_min(max(author_front_key(valid, on_portal, benefit), 100)) AS least_key
	FROM unit_author GROUP BY unit_code
)
SELECT a.unit_code, a.unit_level, a.as_of, a.author_key, a.valid, a.on_portal, a.benefit, i.author AS name, i.grassroots_code, i.level1_code
FROM unit_author a
JOIN cut c ON c.unit_code = a.unit_code AND author_front_key(a.valid, a.on_portal, a.benefit) >= c.least_key
JOIN initiative i ON i.initiative_id = a.last_initiative
ORDER BY a.unit_code;

DROP MACRO author_front_key;
