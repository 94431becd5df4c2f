-- Rebuilds the initiative search index read by queries/initiatives.ts (after initiative-period.sql): the distinct titles and authors,
-- numbered (search_text), and a copy of initiative_period carrying the numbers of each initiative's title and author, sorted by unit
-- (search_period), so a search matches the distinct texts once (in the query process's in-memory word index of them,
-- queries/text-match-index.ts, which folds them as foldDiacritics does; or with the diacritics-insensitive pattern in SQL until it is
-- built) instead of every initiative's text, then reads integer columns of the unit's rows, and a list reads titles from search_text.
-- The texts are not folded here: folding 1.7 M titles in SQL (strip_accents) took ~7 s of CPU per run, for the query process only.
-- The unique index on text_no is dropped while the texts are replaced and built again after them (see the end); without it the
-- folded column of layout 4 (the query process folds the texts itself since layout 5) can be dropped.
DROP INDEX IF EXISTS search_text_no;
ALTER TABLE search_text DROP COLUMN IF EXISTS folded;
DELETE FROM search_text;
DELETE FROM search_period;
DELETE FROM search_meta;
DELETE FROM search_text_count;

-- Titles numbered first, then authors, each in text order (so ordering by title_no is ordering by title). Each distinct set is a temp
-- table created ORDER BY text, so its rowid is the text's rank (no window over the texts); the ranks also number the initiatives below.
CREATE OR REPLACE TEMP TABLE search_title AS
SELECT DISTINCT title AS text FROM initiative WHERE title IS NOT NULL ORDER BY text;
CREATE OR REPLACE TEMP TABLE search_author AS
SELECT DISTINCT author AS text FROM initiative WHERE author IS NOT NULL ORDER BY text;

INSERT INTO search_text (text_no, is_title, text)
SELECT (rowid + 1)::INTEGER, true, text FROM search_title ORDER BY rowid;
INSERT INTO search_text (text_no, is_title, text)
SELECT (rowid + 1 + (SELECT count(*) FROM search_title))::INTEGER, false, text FROM search_author ORDER BY rowid;

-- Stored with the open periods first, each half sorted by grassroots_no: a unit's periods (one grassroots_no span in each half) are
-- contiguous, so a unit's list or search reads its own row groups, and at the latest export (the default as-of) only those of the
-- first half (the closed half's row groups are skipped by their to_at zone maps): half the rows of a search over all periods.
-- id_no numbers the initiatives in id order, so sorts break ties on an integer; an open period ends at 'infinity' (as of T is two plain compares).
-- author_key_no, sector and is_leader are initiative_period's (author keys numbered in key order; null without one): a grassroots
-- union's page reads its breakdowns from its own rows here instead of initiative_period (stored by from_at).
INSERT INTO search_period (grassroots_no, title_no, author_no, id_no, status, benefit, submitted_at, from_at, to_at, initiative_id, field, grassroots_code, author_key_no,
	sector, is_leader)
WITH title_count AS (SELECT count(*) AS n FROM search_title),
numbered AS (
	SELECT i.initiative_id, (t.rowid + 1)::INTEGER AS title_no, (a.rowid + 1 + (SELECT n FROM title_count))::INTEGER AS author_no,
		row_number() OVER (ORDER BY i.initiative_id)::INTEGER AS id_no
	FROM initiative i
	LEFT JOIN search_title t ON t.text = i.title
	LEFT JOIN search_author a ON a.text = i.author
)
SELECT p.grassroots_no, n.title_no, n.author_no, n.id_no, p.status, p.benefit, p.submitted_at, p.from_at, coalesce(p.to_at, 'infinity'::TIMESTAMP), p.initiative_id,
	p.field, p.grassroots_code, p.author_key_no, p.sector, p.is_leader
FROM initiative_period p JOIN numbered n USING (initiative_id)
ORDER BY (p.to_at IS NULL) DESC, p.grassroots_no;

-- The nation's periods on the portal at the latest export (the as-of time of the detail marts) by title and by author, and the
-- newest submission among them: a search there matching only titles (or only authors) counts by summing these, and its newest
-- page needs only the texts with the newest submissions.
INSERT INTO search_text_count (text_no, on_portal, newest_submitted_at)
WITH as_of AS (SELECT max(exported_at) AS t FROM source_file WHERE status = 'loaded' AND dataset = 'initiatives'),
current AS (SELECT p.title_no, p.author_no, p.submitted_at FROM search_period p, as_of WHERE p.from_at <= as_of.t AND p.to_at > as_of.t)
SELECT title_no, count(*), max(submitted_at) FROM current WHERE title_no IS NOT NULL GROUP BY title_no
UNION ALL
SELECT author_no, count(*), max(submitted_at) FROM current WHERE author_no IS NOT NULL GROUP BY author_no
ORDER BY 1;

-- The layout of these tables (queries read only a layout they know), that time, and whether any id holds a space (a search
-- text with a space can then skip matching ids). One row = the index is built.
INSERT INTO search_meta (layout, as_of, has_space)
SELECT 7, (SELECT max(exported_at) FROM source_file WHERE status = 'loaded' AND dataset = 'initiatives'),
	coalesce(bool_or(contains(initiative_id, ' ')), false) FROM initiative;

-- A page's titles and authors are fetched by text_no (queries/initiative-search.ts textsByNumber): the index finds ~100
-- scattered rows without reading the texts of every row group they fall in.
CREATE UNIQUE INDEX search_text_no ON search_text (text_no);

DROP TABLE search_title;
DROP TABLE search_author;
