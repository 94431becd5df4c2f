// Where a list's search matched a text: the parts of the text that fold (diacritics and case, as the search folds them) to the search's needle, to mark them; pure, shared by server and client.
import { searchNeedle } from '../../../../queries/search-needle.ts';
import { foldDiacritics } from '../../../../warehouse/text/name-key.ts';

export interface TextPart {
	text: string;
	/** This part matched the search. */
	match: boolean;
}

/**
 * The text cut into parts, the parts the search matched marked ("cai tien" marks "Cải tiến" and "CẢI TIẾN"): each match of
 * the needle in the folded text, left to right, not overlapping. Each character is folded alone, so a match maps back to
 * whole characters of the original. No search, or no match: the text as one unmarked part.
 */
export function highlightParts(text: string, search: string | undefined): TextPart[] {
	const needle = searchNeedle(search);
	if (needle === '' || text === '') return [{ text, match: false }];
	const chars = Array.from(text);
	let folded = '';
	// owner[k]: the index in chars of the character that folded code unit k came from
	const owner: number[] = [];
	chars.forEach((char, index) => {
		const f = foldDiacritics(char);
		folded += f;
		for (let k = 0; k < f.length; k++) owner.push(index);
	});
	const parts: TextPart[] = [];
	let from = 0;
	let at = folded.indexOf(needle);
	while (at !== -1) {
		const start = owner[at]!;
		const end = owner[at + needle.length - 1]! + 1;
		// a match starting inside a character the previous match already took (one that folds to several units) is skipped
		if (start < from) {
			at = folded.indexOf(needle, at + 1);
			continue;
		}
		if (start > from) parts.push({ text: chars.slice(from, start).join(''), match: false });
		parts.push({ text: chars.slice(start, end).join(''), match: true });
		from = end;
		at = folded.indexOf(needle, at + needle.length);
	}
	if (parts.length === 0) return [{ text, match: false }];
	if (from < chars.length) parts.push({ text: chars.slice(from).join(''), match: false });
	return parts;
}
