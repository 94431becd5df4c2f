-- Mart tables, rebuilt by the build stage (pipelines/build) from core, and figure_revision, written by the audit stage (pipelines/audit); read by queries/.

-- USING COMPRESSION: the large tables' text columns name the compression DuckDB picks for them anyway (FSST for ids and free texts, dictionary for
-- short lists), so a write does not try every method on each segment first (~15-25% of these tables' insert CPU at scale 1).
-- The closed sets of the two period tables' status and field (the statuses staging accepts, the canonical fields of validate-macros.sql
-- field_name): stored as 1-byte enums, which sort, hash and write much like integers and read back as the same texts (at scale 1 the
-- build's statements over the periods took 43 s of CPU instead of 49, the build 38 s instead of 42). Versions built before them hold
-- VARCHAR columns; build-marts.ts drops both tables first.
CREATE TYPE IF NOT EXISTS initiative_status AS ENUM ('under_review', 'valid', 'invalid');
CREATE TYPE IF NOT EXISTS initiative_field AS ENUM ('Sản xuất, kinh doanh', 'Giáo dục, đào tạo', 'Y tế', 'Hành chính, sự nghiệp',
	'Khoa học, công nghệ', 'Phòng, chống dịch Covid-19', 'Hoạt động công đoàn', 'Khác');

-- Grain: one row per period during which an initiative was on the portal with one status and benefit; to_at null = still so. "X as of T" = from_at <= T AND (to_at IS NULL OR to_at > T). Stored sorted by from_at.
CREATE TABLE IF NOT EXISTS initiative_period (
	initiative_id VARCHAR NOT NULL USING COMPRESSION fsst,
	grassroots_code VARCHAR USING COMPRESSION fsst,
	upper_code VARCHAR USING COMPRESSION dictionary,
	level1_code VARCHAR USING COMPRESSION dictionary,
	status initiative_status NOT NULL,
	benefit BIGINT,
	field initiative_field,
	sector VARCHAR USING COMPRESSION dictionary,
	is_leader BOOLEAN,
	submitted_at TIMESTAMP NOT NULL,
	from_at TIMESTAMP NOT NULL,
	to_at TIMESTAMP,
	-- the number of the grassroots union in tree order (unit_span): a unit's periods are those whose grassroots_no is in its span
	grassroots_no INTEGER
);
-- Authors are the numbers of their keys (author_key_no; the key itself is in initiative): versions built before session 9 also hold
-- author_key here, and unit_author / unit_author_front keep the key text there.
-- versions built before grassroots_no existed
ALTER TABLE initiative_period ADD COLUMN IF NOT EXISTS grassroots_no INTEGER;
-- the number of the author key (distinct keys in key order; null without a key): authors are grouped and counted on it
ALTER TABLE initiative_period ADD COLUMN IF NOT EXISTS author_key_no INTEGER;

-- Grain: one row per unit of the current tree (levels 1–3) whose initiative_period rows are exactly those with grassroots_no in [no_from, no_to]
-- (1..0 when it has none); built with initiative_period (warehouse/sql/marts/unit-span.sql). A unit without a row is scoped by its codes.
CREATE TABLE IF NOT EXISTS unit_span (
	unit_code VARCHAR NOT NULL,
	no_from INTEGER NOT NULL,
	no_to INTEGER NOT NULL
);

-- Search index (warehouse/sql/marts/search-index.sql), read by queries/initiatives.ts. Grain: one row per distinct title (is_title) and
-- per distinct author of the initiatives; titles numbered 1… in text order, then authors after them in text order (unique index
-- search_text_no on text_no, built by search-index.sql).
CREATE TABLE IF NOT EXISTS search_text (
	text_no INTEGER NOT NULL,
	is_title BOOLEAN NOT NULL,
	text VARCHAR NOT NULL USING COMPRESSION fsst
);
-- Layout 4's folded column is dropped by search-index.sql (not here: this file runs again at the audit, after the index is built,
-- and a table with an index cannot be altered).

-- Search layout 3's word index (a vocabulary and its postings: tens of millions of rows once titles are mostly distinct), replaced by
-- search_text.folded in layout 4.
DROP TABLE IF EXISTS search_word;
DROP TABLE IF EXISTS search_word_text;

-- Grain: one row per initiative_period row (its columns the list shows), with the search_text numbers of the initiative's title and author
-- (null when it has none). Stored with the open periods first, each half sorted by grassroots_no.
-- The columns added below for older layouts are part of the table as created (same order), so their compression can be named.
CREATE TABLE IF NOT EXISTS search_period (
	grassroots_no INTEGER,
	title_no INTEGER,
	author_no INTEGER,
	-- the initiative's number in initiative_id order
	id_no INTEGER,
	status initiative_status NOT NULL,
	benefit BIGINT,
	submitted_at TIMESTAMP NOT NULL,
	from_at TIMESTAMP NOT NULL,
	-- 'infinity' while the period is open (initiative_period.to_at null)
	to_at TIMESTAMP NOT NULL,
	initiative_id VARCHAR NOT NULL USING COMPRESSION fsst,
	field initiative_field,
	grassroots_code VARCHAR USING COMPRESSION dictionary,
	author_key_no INTEGER,
	sector VARCHAR USING COMPRESSION dictionary,
	is_leader BOOLEAN
);
-- versions built with the first layout of search_period
ALTER TABLE search_period ADD COLUMN IF NOT EXISTS field VARCHAR;
ALTER TABLE search_period ADD COLUMN IF NOT EXISTS grassroots_code VARCHAR;
ALTER TABLE search_period ADD COLUMN IF NOT EXISTS id_no INTEGER;
-- layout 6: the number of the initiative's author key (distinct keys numbered in key order; null without a key)
ALTER TABLE search_period ADD COLUMN IF NOT EXISTS author_key_no INTEGER;
-- initiative_period's sector and is_leader (a grassroots union's breakdowns; versions without them read initiative_period)
ALTER TABLE search_period ADD COLUMN IF NOT EXISTS sector VARCHAR;
ALTER TABLE search_period ADD COLUMN IF NOT EXISTS is_leader BOOLEAN;

-- Grain: one row per search_text row with periods on the portal at search_meta.as_of (the latest export), nationally: how many.
CREATE TABLE IF NOT EXISTS search_text_count (
	text_no INTEGER NOT NULL,
	on_portal BIGINT NOT NULL,
	-- layout 7: the newest submission among those periods
	newest_submitted_at TIMESTAMP
);
ALTER TABLE search_text_count ADD COLUMN IF NOT EXISTS newest_submitted_at TIMESTAMP;

-- Grain: one row once the search index is built: its layout (3: search_period with id_no and open periods ending at 'infinity',
-- search_text_count; 4: search_text.folded instead of the word tables; 5: no folded column, the unique index search_text_no; 6: search_period.author_key_no; 7: search_text_count.newest_submitted_at; queries
-- read only the layout they know), the latest export time and whether any initiative id holds a space.
CREATE TABLE IF NOT EXISTS search_meta (
	layout INTEGER NOT NULL,
	as_of TIMESTAMP,
	has_space BOOLEAN NOT NULL
);
-- versions indexed with layout 2
ALTER TABLE search_meta ADD COLUMN IF NOT EXISTS as_of TIMESTAMP;

-- Grain: one row per (unit_code, day) for the nation (unit_code 'VN', unit_level 0), every level-1 unit (1) and every upper-level union (2), each day from 2022-01-08 to the latest export day: the figures as of the end of that day (T = day 23:59).
CREATE TABLE IF NOT EXISTS daily_series (
	unit_code VARCHAR NOT NULL,
	unit_level INTEGER NOT NULL,
	day DATE NOT NULL,
	on_portal BIGINT NOT NULL,
	under_review BIGINT NOT NULL,
	valid BIGINT NOT NULL,
	invalid BIGINT NOT NULL,
	valid_benefit BIGINT NOT NULL
);

-- Grain: one row per unit of the current tree at every level, plus the nation ('VN', level 0): figures as of the latest export time, with targets and attainment (valid ÷ target; null without a target).
CREATE TABLE IF NOT EXISTS unit_totals (
	unit_code VARCHAR NOT NULL,
	unit_level INTEGER NOT NULL,
	name VARCHAR,
	parent_code VARCHAR,
	level1_code VARCHAR,
	upper_code VARCHAR,
	as_of TIMESTAMP,
	on_portal BIGINT NOT NULL,
	under_review BIGINT NOT NULL,
	valid BIGINT NOT NULL,
	invalid BIGINT NOT NULL,
	valid_benefit BIGINT NOT NULL,
	participating_grassroots BIGINT NOT NULL,
	authors BIGINT NOT NULL,
	members BIGINT,
	target_assigned BIGINT,
	target_registered BIGINT,
	target_phase1 BIGINT,
	attainment DOUBLE,
	attainment_registered DOUBLE,
	attainment_phase1 DOUBLE
);

-- Grain: one row per (level1_code, month, metric) whose figure for that closed month (the change over the month of the daily series) differs from the previous published version; explained = a newly loaded file covering the unit accounts for it (file_ids: its earliest row of the unit or its export falls in that month or before), so the UI can say "revised by a late export", or the month's own end figure is unchanged (only an earlier month end moved, which is checked at the first month it moved).
CREATE TABLE IF NOT EXISTS figure_revision (
	level1_code VARCHAR NOT NULL,
	month DATE NOT NULL,
	metric VARCHAR NOT NULL,
	previous_value BIGINT,
	new_value BIGINT,
	previous_month_end BIGINT,
	new_month_end BIGINT,
	explained BOOLEAN NOT NULL,
	file_ids INTEGER[]
);

-- Grain: one row per unit of the current tree at every level, plus the nation ('VN', level 0), as of the latest export time (the as_of of unit_totals): what totals() and benefitDistribution() would otherwise scan for: valid initiatives stating a benefit, quantiles (quantile_disc at 0.1, 0.25, 0.5, 0.75, 0.9, 0.99) and the median and maximum of their benefit, the phase-1 split (submitted before 2022-06-01) and withdrawn initiatives.
CREATE TABLE IF NOT EXISTS unit_totals_detail (
	unit_code VARCHAR NOT NULL,
	unit_level INTEGER NOT NULL,
	as_of TIMESTAMP,
	stating BIGINT NOT NULL,
	benefit_quantiles BIGINT[],
	median_benefit BIGINT,
	max_benefit BIGINT,
	p1_on_portal BIGINT NOT NULL,
	p1_valid BIGINT NOT NULL,
	p1_benefit BIGINT,
	withdrawn BIGINT NOT NULL
);

-- Grain: one row per (unit_code, dimension, key) for the nation ('VN', level 0), each level-1 unit (1) and upper-level union (2) as of the latest export time: initiatives on the portal, valid and their benefit by field, sector, leadership ('leader', 'no_leader') and enterprise ('enterprise', 'public'); key null = unknown.
CREATE TABLE IF NOT EXISTS unit_breakdown (
	unit_code VARCHAR NOT NULL,
	unit_level INTEGER NOT NULL,
	as_of TIMESTAMP,
	dimension VARCHAR NOT NULL,
	key VARCHAR,
	on_portal BIGINT NOT NULL,
	valid BIGINT NOT NULL,
	benefit BIGINT
);

-- Grain: one row per (unit_code, author_key) for the nation ('VN', level 0), each level-1 unit (1) and upper-level union (2) as of the latest export time: the author's valid and on-portal initiatives, valid benefit and latest submitted initiative there. Stored sorted by unit_code, valid DESC.
CREATE TABLE IF NOT EXISTS unit_author (
	unit_code VARCHAR NOT NULL USING COMPRESSION dictionary,
	unit_level INTEGER NOT NULL,
	as_of TIMESTAMP,
	-- the author key's number (initiative_period.author_key_no): distinct keys numbered in key order
	author_key INTEGER NOT NULL,
	valid BIGINT NOT NULL,
	on_portal BIGINT NOT NULL,
	benefit BIGINT,
	last_initiative VARCHAR NOT NULL USING COMPRESSION fsst
);

-- Grain: one row per (unit_code, author_key) of unit_author ranked within its unit's first 100 (rank on valid DESC, on_portal DESC,
-- benefit DESC NULLS LAST, ties kept), with the name, grassroots union and level-1 unit of the author's last initiative as its initiative
-- row has them (restricted personal data), sorted by unit_code: topAuthors() at the latest export for limits up to 100 reads a unit's
-- few rows, no join (warehouse/sql/marts/unit-author-front.sql).
CREATE TABLE IF NOT EXISTS unit_author_front (
	unit_code VARCHAR NOT NULL,
	unit_level INTEGER NOT NULL,
	as_of TIMESTAMP,
	author_key INTEGER NOT NULL,
	valid BIGINT NOT NULL,
	on_portal BIGINT NOT NULL,
	benefit BIGINT,
	name VARCHAR,
	grassroots_code VARCHAR,
	level1_code VARCHAR
);

-- Grain: one row per (unit_code, rank) for the nation ('VN', level 0), each level-1 unit (1) and upper-level union (2) as of the latest export time: the 100 valid initiatives with the largest stated benefit (ties by id), rank 1 first, with their titles (restricted: shown only inside the viewer's detail scope).
CREATE TABLE IF NOT EXISTS unit_top_initiative (
	unit_code VARCHAR NOT NULL,
	unit_level INTEGER NOT NULL,
	as_of TIMESTAMP,
	rank BIGINT NOT NULL,
	initiative_id VARCHAR NOT NULL,
	title VARCHAR,
	field VARCHAR,
	grassroots_code VARCHAR,
	level1_code VARCHAR,
	benefit BIGINT NOT NULL
);
