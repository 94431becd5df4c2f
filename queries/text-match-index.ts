// An in-memory word index over texts folded as foldDiacritics folds them (search_text's titles and authors): finds every text containing a folded needle by intersecting the posting lists of the words that can hold the needle's parts, then checking each candidate, exactly as a full scan would.
import { foldDiacritics } from '../warehouse/text/name-key.ts';

/**
 * The built index: the texts (by position) as UTF-8 in one buffer, each followed by a NUL byte (text k is
 * bytes[starts[k] .. starts[k + 1] - 1)), their distinct words, and for each word the positions of the texts holding it.
 * One contiguous buffer rather than 1.7 M strings: candidates are checked in position order without a cache miss per string,
 * and the collector has one object to keep instead of millions.
 */
export interface TextMatchIndex {
	readonly count: number;
	readonly bytes: Buffer;
	readonly starts: Uint32Array;
	readonly words: readonly string[];
	/** Postings of word w: positions[wordStart[w] .. wordStart[w + 1]), ascending. */
	readonly wordStart: Uint32Array;
	readonly positions: Uint32Array;
	/**
	 * Beside each posting, the ordinal of the word's run in that text (runs are split at every single space, empty runs
	 * counted), or UNKNOWN_ORDINAL when the word occurs more than once there or past the 254th run: a two-word needle is
	 * then decided by two adjacent runs, without reading the text.
	 */
	readonly ordinals: Uint8Array;
}

/** An ordinal not kept: the word occurs more than once in the text, or too far into it. */
const UNKNOWN_ORDINAL = 255;

/**
 * The folded ASCII byte of each character below U+2000 whose foldDiacritics form is one ASCII character (0: none). Folding is
 * per character there (NFD, marks dropped, đ → d and lower case have no context for these), so a text made only of them folds
 * byte by byte; any other character (a combining mark, Σ, CJK…) sends the whole text through foldDiacritics.
 */
const FOLD_BYTE: Uint8Array = (() => {
	const table = new Uint8Array(0x2000);
	for (let code = 1; code < table.length; code++) {
		const folded = foldDiacritics(String.fromCharCode(code));
		if (folded.length === 1 && folded.charCodeAt(0) < 0x80) table[code] = folded.charCodeAt(0);
	}
	return table;
})();

/** Above this share of all texts as candidates, the index no longer narrows enough: every text is checked. */
const FULL_SCAN_SHARE = 0.5;

/**
 * Builds the index text by text (add texts in position order, then finish): each is stored folded (foldDiacritics). Words are
 * the runs between single spaces (U+0020) of the folded text, so any space-free part of a needle found in a text lies inside
 * one word of that text.
 */
export class TextMatchIndexBuilder {
	private count = 0;
	private bytes = Buffer.alloc(1 << 20);
	private used = 0;
	private starts = new Uint32Array(1 << 16);
	private readonly wordIds = new Map<string, number>();
	private readonly words: string[] = [];
	/** The distinct words of text k are pairWord[pairStart[k] .. pairStart[k + 1]). */
	private pairWord = new Uint32Array(1 << 20);
	private pairOrdinal = new Uint8Array(1 << 20);
	private pairStart = new Uint32Array(1 << 16);
	private pairs = 0;
	private readonly seen: number[] = [];
	private readonly seenOrdinals: number[] = [];

	add(texts: readonly string[]): void {
		for (const original of texts) {
			const position = this.count++;
			const text = this.store(position, original);
			const seen = this.seen;
			const seenOrdinals = this.seenOrdinals;
			seen.length = 0;
			seenOrdinals.length = 0;
			let start = 0;
			for (let ordinal = 0; start <= text.length; ordinal++) {
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
					const at = seen.indexOf(id);
					if (at < 0) {
						seen.push(id);
						seenOrdinals.push(Math.min(ordinal, UNKNOWN_ORDINAL));
					} else seenOrdinals[at] = UNKNOWN_ORDINAL;
				}
				start = end + 1;
			}
			if (this.pairs + seen.length > this.pairWord.length) this.grow(this.pairs + seen.length);
			for (let k = 0; k < seen.length; k++) {
				this.pairWord[this.pairs] = seen[k]!;
				this.pairOrdinal[this.pairs++] = seenOrdinals[k]!;
			}
			this.pairStart[position + 1] = this.pairs;
		}
	}

	/** Appends the folded text's UTF-8 and a NUL separator, recording where it starts; returns the folded text. */
	private store(position: number, original: string): string {
		if (position + 2 > this.starts.length) {
			const starts = new Uint32Array(this.starts.length * 2);
			starts.set(this.starts);
			this.starts = starts;
			const pairStart = new Uint32Array(this.pairStart.length * 2);
			pairStart.set(this.pairStart);
			this.pairStart = pairStart;
		}
		// Folded bytes are never more than 3 per UTF-16 unit (the reserve for the byte-wise path and for most fallbacks).
		this.reserve(original.length * 3 + 1);
		const start = this.used;
		this.starts[position] = start;
		let at = start;
		for (let k = 0; k < original.length; k++) {
			const code = original.charCodeAt(k);
			const byte = code < 0x2000 ? FOLD_BYTE[code]! : 0;
			if (byte === 0) {
				// A character without a one-byte fold: the whole text through foldDiacritics.
				const folded = foldDiacritics(original);
				this.reserve(Buffer.byteLength(folded) + 1);
				this.used = start + this.bytes.write(folded, start, 'utf8');
				this.bytes[this.used++] = 0;
				return folded;
			}
			this.bytes[at++] = byte;
		}
		this.used = at;
		this.bytes[this.used++] = 0;
		return this.bytes.toString('latin1', start, at);
	}

	/** Room for `extra` more bytes after the used ones. */
	private reserve(extra: number): void {
		const needed = this.used + extra;
		if (needed > 0xffffffff) throw new Error('texts too large for the in-memory index');
		if (needed <= this.bytes.length) return;
		const bytes = Buffer.alloc(Math.min(0xffffffff, Math.max(needed, this.bytes.length * 2)));
		this.bytes.copy(bytes, 0, 0, this.used);
		this.bytes = bytes;
	}

	private grow(needed: number): void {
		let size = this.pairWord.length;
		while (size < needed) size *= 2;
		const word = new Uint32Array(size);
		word.set(this.pairWord.subarray(0, this.pairs));
		this.pairWord = word;
		const ordinal = new Uint8Array(size);
		ordinal.set(this.pairOrdinal.subarray(0, this.pairs));
		this.pairOrdinal = ordinal;
	}

	/** The index: pairs counting-sorted by word (texts stay ascending within a word, as they were added in order). */
	finish(): TextMatchIndex {
		const wordStart = new Uint32Array(this.words.length + 1);
		for (let k = 0; k < this.pairs; k++) wordStart[this.pairWord[k]! + 1]!++;
		for (let w = 0; w < this.words.length; w++) wordStart[w + 1]! += wordStart[w]!;
		const next = wordStart.slice(0, this.words.length);
		const positions = new Uint32Array(this.pairs);
		const ordinals = new Uint8Array(this.pairs);
		for (let text = 0; text < this.count; text++) {
			for (let k = this.pairStart[text]!, end = this.pairStart[text + 1]!; k < end; k++) {
				const slot = next[this.pairWord[k]!]!++;
				positions[slot] = text;
				ordinals[slot] = this.pairOrdinal[k]!;
			}
		}
		const starts = this.starts.slice(0, this.count + 1);
		starts[this.count] = this.used;
		return { count: this.count, bytes: Buffer.from(this.bytes.subarray(0, this.used)), starts, words: this.words, wordStart, positions, ordinals };
	}
}

/** The index of these texts (position k = texts[k], folded). */
export function buildTextMatchIndex(texts: readonly string[]): TextMatchIndex {
	const builder = new TextMatchIndexBuilder();
	builder.add(texts);
	return builder.finish();
}

/** Per index, the buffers of one match: one each, reused (matching is synchronous, so no two matches share them at once). */
const scratchByIndex = new WeakMap<TextMatchIndex, { marks: Uint8Array; sides: Uint8Array }>();

/**
 * A mark per text, all 0, and a side per text (not cleared: a match writes a text's side before reading it): a fresh 1.7 MB
 * each at scale 1 for every search is avoided.
 */
function scratchOf(index: TextMatchIndex): { marks: Uint8Array; sides: Uint8Array } {
	let scratch = scratchByIndex.get(index);
	if (!scratch) scratchByIndex.set(index, (scratch = { marks: new Uint8Array(index.count), sides: new Uint8Array(index.count) }));
	else scratch.marks.fill(0);
	return scratch;
}

/** The words of the index holding `part` (non-empty, space-free) and their postings' total length. */
function wordsHolding(index: TextMatchIndex, part: string): { part: string; words: number[]; size: number } {
	const words: number[] = [];
	let size = 0;
	for (let w = 0; w < index.words.length; w++) {
		if (index.words[w]!.includes(part)) {
			words.push(w);
			size += index.wordStart[w + 1]! - index.wordStart[w]!;
		}
	}
	return { part, words, size };
}

/**
 * Whether `word` can be the run holding `part` of the two-run needle `pair` ("A B" sits in a text exactly where a run ending
 * with A is followed by a run starting with B).
 */
function fitsRun(word: string, part: string, pair: readonly string[]): boolean {
	return part === pair[0] ? word.endsWith(part) : word.startsWith(part);
}

/** A text's side of a two-run needle: 0 when none of its runs fits the wider part, else its one fitting run's ordinal + 1, or UNKNOWN_ORDINAL. */
function sideOf(ordinal: number): number {
	return ordinal >= UNKNOWN_ORDINAL - 1 ? UNKNOWN_ORDINAL : ordinal + 1;
}

/**
 * The positions (ascending) of the texts whose folded form contains `needle` (already folded: foldDiacritics). Each space-free part of the
 * needle lies inside one word of a matching text, so a text is a candidate only if, for the narrowest parts, one of its words
 * holds the part; every candidate is then checked for the whole needle (unless the needle is one part: a word holding it is
 * proof; or two runs "A B" whose fitting words' ordinals decide it). The result equals the full scan's for every needle.
 */
export function matchTextPositions(index: TextMatchIndex, needle: string): Uint32Array {
	const count = index.count;
	if (needle.length === 0) return Uint32Array.from({ length: count }, (_, k) => k);
	// A needle with a lone surrogate (or a NUL, which no stored text holds between its separators) is in no text.
	if (/[\ud800-\udfff]/u.test(needle) || needle.includes(String.fromCharCode(0))) return new Uint32Array(0);
	const pattern = Buffer.from(needle, 'utf8');
	const runs = needle.split(' ');
	const parts = [...new Set(runs.filter((part) => part.length > 0))].map((part) => wordsHolding(index, part)).sort((a, b) => a.size - b.size);
	if (parts.length === 0 || parts[0]!.size > count * FULL_SCAN_SHARE) {
		return scanAll(index, pattern);
	}
	// Candidates hold a word of each chosen part: the wider parts mark their texts round by round (a mark counts the parts
	// held), then the narrowest part's postings are walked and each text marked by every other part is decided once.
	const chosen = parts.filter((part, k) => k === 0 || part.size <= count * FULL_SCAN_SHARE).slice(0, 3).reverse();
	const { marks, sides } = scratchOf(index);
	const rounds = chosen.length - 1;
	// Two distinct runs, both chosen: the wider part's round also keeps each text's one fitting run (its side).
	const pair = runs.length === 2 && chosen.length === 2 && runs[0] !== runs[1] && runs[0] !== '' && runs[1] !== '' ? runs : undefined;
	for (let round = 0; round < rounds; round++) {
		const part = chosen[round]!;
		for (const w of part.words) {
			const fits = pair !== undefined && fitsRun(index.words[w]!, part.part, pair);
			for (let k = index.wordStart[w]!, end = index.wordStart[w + 1]!; k < end; k++) {
				const position = index.positions[k]!;
				if (marks[position] === round) {
					marks[position] = round + 1;
					if (pair) sides[position] = fits ? sideOf(index.ordinals[k]!) : 0;
				} else if (pair && fits && marks[position] === round + 1) {
					sides[position] = sides[position] === 0 ? sideOf(index.ordinals[k]!) : UNKNOWN_ORDINAL;
				}
			}
		}
	}
	// A needle without a space lies in one word: every text holding a word that contains it contains it, unchecked.
	const whole = !needle.includes(' ');
	const last = chosen[rounds]!;
	const lastIsFirstRun = pair !== undefined && last.part === pair[0];
	// Each candidate is decided once, at its first posting that can decide it: FOUND or RULED_OUT (texts left at `rounds` are not found).
	const found = new Uint32Array(Math.min(count, last.size));
	let foundCount = 0;
	for (const w of last.words) {
		const fits = pair !== undefined && fitsRun(index.words[w]!, last.part, pair);
		for (let k = index.wordStart[w]!, end = index.wordStart[w + 1]!; k < end; k++) {
			const position = index.positions[k]!;
			if (marks[position] !== rounds) continue;
			if (pair) {
				const side = sides[position]!;
				if (side === 0) {
					// None of the text's runs fits the other part.
					marks[position] = RULED_OUT;
					continue;
				}
				// A word that cannot be this part's run leaves the text to its other words.
				if (!fits) continue;
				const ordinal = index.ordinals[k]!;
				if (side !== UNKNOWN_ORDINAL && ordinal !== UNKNOWN_ORDINAL) {
					// The one fitting run of each part: found when adjacent in the needle's order, else left to this part's other words.
					if (lastIsFirstRun ? ordinal + 2 === side : side === ordinal) {
						marks[position] = FOUND;
						found[foundCount++] = position;
					}
					continue;
				}
			}
			if (whole || holds(index.bytes, index.starts[position]!, index.starts[position + 1]! - 1, pattern)) {
				marks[position] = FOUND;
				found[foundCount++] = position;
			} else marks[position] = RULED_OUT;
		}
	}
	// One word's postings ascend; several interleave: a small result is sorted, a large one collected in order from the marks.
	if (last.words.length === 1) return found.subarray(0, foundCount);
	if (foundCount < count / 64) return found.subarray(0, foundCount).sort();
	for (let k = 0, next = 0; next < foundCount; k++) if (marks[k] === FOUND) found[next++] = k;
	return found.subarray(0, foundCount);
}

/** Marks of a decided candidate (below them, a mark counts the parts a text holds). */
const FOUND = 254;
const RULED_OUT = 255;

/**
 * Whether bytes[start .. end) holds the pattern (UTF-8 is self-synchronising: a byte match of a UTF-8 needle is a character match).
 * Only needles with a space and a part are checked, so the pattern has at least 2 bytes: its first two are compared before the rest.
 */
function holds(bytes: Buffer, start: number, end: number, pattern: Buffer): boolean {
	const length = pattern.length;
	const first = pattern[0]!;
	const second = pattern[1]!;
	for (let at = start, last = end - length; at <= last; at++) {
		if (bytes[at] !== first || bytes[at + 1] !== second) continue;
		let k = 2;
		while (k < length && bytes[at + k] === pattern[k]) k++;
		if (k === length) return true;
	}
	return false;
}

/** Every text holding the pattern, by native search over the whole buffer (no match spans a NUL separator: the pattern has none). */
function scanAll(index: TextMatchIndex, pattern: Buffer): Uint32Array {
	const matched: number[] = [];
	let position = 0;
	for (let at = index.bytes.indexOf(pattern, 0); at >= 0; at = index.bytes.indexOf(pattern, index.starts[position]!)) {
		// The text holding byte `at`: the last start at or before it (texts are searched forward, so from the current one).
		let low = position;
		let high = index.count - 1;
		while (low < high) {
			const middle = (low + high + 1) >>> 1;
			if (index.starts[middle]! <= at) low = middle;
			else high = middle - 1;
		}
		matched.push(low);
		position = low + 1;
		if (position >= index.count) break;
	}
	return Uint32Array.from(matched);
}
