-- Audit: initiative periods that are empty, overlap the previous period of the same initiative, or follow an open-ended one.
SELECT 'initiative_period ' || initiative_id || ' from ' || from_at AS key
FROM (
	SELECT initiative_id, from_at, to_at,
		lag(to_at) OVER w AS previous_to_at,
		lag(from_at) OVER w AS previous_from_at
	FROM initiative_period
	WINDOW w AS (PARTITION BY initiative_id ORDER BY from_at)
)
WHERE (to_at IS NOT NULL AND to_at <= from_at)
	OR (previous_from_at IS NOT NULL AND (previous_to_at IS NULL OR previous_to_at > from_at))
