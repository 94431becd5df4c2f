-- An empty vi_bad (vi_typed's columns, no rows) for a staged initiative file whose every row was loaded: its rows are not read again.
CREATE OR REPLACE TEMP TABLE vi_bad AS
SELECT * FROM vi_typed LIMIT 0;
