// An in-memory word index over folded texts (search_text.folded): finds every text containing a folded needle by intersecting the posting lists of the words that can hold the needle's parts, then checking each candidate, exactly as a full scan would.

/** The built index: the texts (by position), their distinct words, and for each word the positions of the texts holding it. */
export interface TextMatchIndex {
	readonly texts: readonly string[];
	readonly words: readonly string[];
	/** Postings of word w: positions[wordStart[w] .. wordStart[w + 1]), ascending. */
	readonly wordStart: Uint32Array;
	readonly positions: Uint32Array;
}

/** Above this share of all texts as candidates, the index no longer narrows enough: every text is checked. */
const FULL_SCAN_SHARE = 0.5;

/**
 * Builds the index text by text (add texts in position order, then finish). Words are the runs between single spaces
 * (U+0020), so any space-free part of a needle found in a text lies inside one word of that text.
 */
export class TextMatchIndexBuilder {
	private readonly texts: string[] = [];
	private readonly wordIds = new Map<string, number>();
	private readonly words: string[] = [];
	private pairWord = new Uint32Array(1 << 20);
	private pairText = new Uint32Array(1 << 20);
	private pairs = 0;
	private readonly seen: number[] = [];

	add(folded: readonly string[]): void {
		for (const text of folded) {
			const position = this.texts.length;
			this.texts.push(text);
			const seen = this.seen;
			seen.length = 0;
			let start = 0;
			while (start <= text.length) {
				let end = text.indexOf(' ', start);
				if (end < 0) end = text.length;
				if (end > start) {
					const word = text.slice(start, end);
					let id = this.wordIds.get(word);
					if (id === undefined) {
						id = this.words.length;
						this.words.push(word);
						this.wordIds.set(word, id);
					}
					if (!seen.includes(id)) seen.push(id);
				}
				start = end + 1;
			}
			if (this.pairs + seen.length > this.pairWord.length) this.grow(this.pairs + seen.length);
			for (const id of seen) {
				this.pairWord[this.pairs] = id;
				this.pairText[this.pairs] = position;
				this.pairs++;
			}
		}
	}

	private grow(needed: number): void {
		let size = this.pairWord.length;
		while (size < needed) size *= 2;
		const word = new Uint32Array(size);
		word.set(this.pairWord.subarray(0, this.pairs));
		const text = new Uint32Array(size);
		text.set(this.pairText.subarray(0, this.pairs));
		this.pairWord = word;
		this.pairText = text;
	}

	/** The index: pairs counting-sorted by word (texts stay ascending within a word, as they were added in order). */
	finish(): TextMatchIndex {
		const wordStart = new Uint32Array(this.words.length + 1);
		for (let k = 0; k < this.pairs; k++) wordStart[this.pairWord[k]! + 1]!++;
		for (let w = 0; w < this.words.length; w++) wordStart[w + 1]! += wordStart[w]!;
		const next = wordStart.slice(0, this.words.length);
		const positions = new Uint32Array(this.pairs);
		for (let k = 0; k < this.pairs; k++) positions[next[this.pairWord[k]!]!++] = this.pairText[k]!;
		return { texts: this.texts, words: this.words, wordStart, positions };
	}
}

/** The index of `folded` texts (position k = folded[k]). */
export function buildTextMatchIndex(folded: readonly string[]): TextMatchIndex {
	const builder = new TextMatchIndexBuilder();
	builder.add(folded);
	return builder.finish();
}

/** The words of the index holding `part` (non-empty, space-free) and their postings' total length. */
function wordsHolding(index: TextMatchIndex, part: string): { words: number[]; size: number } {
	const words: number[] = [];
	let size = 0;
	for (let w = 0; w < index.words.length; w++) {
		if (index.words[w]!.includes(part)) {
			words.push(w);
			size += index.wordStart[w + 1]! - index.wordStart[w]!;
		}
	}
	return { words, size };
}

/**
 * The positions (ascending) of the texts containing `needle` (already folded as the texts are). Each space-free part of the
 * needle lies inside one word of a matching text, so a text is a candidate only if, for the narrowest parts, one of its words
 * holds the part; every candidate is then checked with includes. The result equals the full scan's for every needle.
 */
export function matchTextPositions(index: TextMatchIndex, needle: string): number[] {
	const count = index.texts.length;
	if (needle.length === 0) return Array.from({ length: count }, (_, k) => k);
	const parts = [...new Set(needle.split(' ').filter((part) => part.length > 0))].map((part) => wordsHolding(index, part)).sort((a, b) => a.size - b.size);
	if (parts.length === 0 || parts[0]!.size > count * FULL_SCAN_SHARE) {
		const matched: number[] = [];
		for (let k = 0; k < count; k++) if (index.texts[k]!.includes(needle)) matched.push(k);
		return matched;
	}
	// Candidates hold a word of each chosen part: the wider parts mark their texts round by round (a mark counts the parts
	// held), then the narrowest part's postings are walked and each text marked by every other part is checked once.
	const chosen = parts.filter((part, k) => k === 0 || part.size <= count * FULL_SCAN_SHARE).slice(0, 3).reverse();
	const marks = new Uint8Array(count);
	const rounds = chosen.length - 1;
	for (let round = 0; round < rounds; round++) {
		for (const w of chosen[round]!.words) {
			for (let k = index.wordStart[w]!, end = index.wordStart[w + 1]!; k < end; k++) {
				const position = index.positions[k]!;
				if (marks[position] === round) marks[position] = round + 1;
			}
		}
	}
	const found: number[] = [];
	for (const w of chosen[rounds]!.words) {
		for (let k = index.wordStart[w]!, end = index.wordStart[w + 1]!; k < end; k++) {
			const position = index.positions[k]!;
			if (marks[position] !== rounds) continue;
			// A text holding several of the part's words is checked once.
			marks[position] = 255;
			if (index.texts[position]!.includes(needle)) found.push(position);
		}
	}
	if (chosen[rounds]!.words.length === 1) return found;
	// Several words' postings interleave: a small result is sorted, a large one collected in order from the marks.
	if (found.length < count / 64) return Array.from(Uint32Array.from(found).sort());
	for (const position of found) marks[position] = 254;
	const ordered: number[] = [];
	for (let k = 0; k < count; k++) if (marks[k] === 254) ordered.push(k);
	return ordered;
}
