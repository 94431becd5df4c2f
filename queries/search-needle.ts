// The folded needle of an initiative search (pure, no database): what the list's search looks for and what the page marks in its rows.
import { foldDiacritics } from '../warehouse/text/name-key.ts';

/** The longest search text used (longer input is cut: no title or name is longer). */
export const MAX_SEARCH_LENGTH = 100;

/** The search text as the folded needle: diacritics and case folded, LIKE wildcards, the escape character and NUL removed, cut to a bounded length. */
export function searchNeedle(search: string | undefined): string {
	return foldDiacritics(search ?? '')
		.replace(/[%_\\]/gu, '')
		.replaceAll(String.fromCharCode(0), '')
		.trim()
		.slice(0, MAX_SEARCH_LENGTH);
}
