-- The problem rows of a staged initiative file (vi_typed's rows with a problem), read again only when initiative-rows.sql did not load every row.
CREATE OR REPLACE TEMP TABLE vi_bad AS
SELECT * FROM vi_typed WHERE problem IS NOT NULL;
