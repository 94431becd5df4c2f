// The in-memory word index finds exactly the texts a full scan finds (includes), for seeded texts and needles of every shape: inside words, across words, with extra spaces, punctuation and one letter.
import { describe, expect, it } from 'vitest';
import { buildTextMatchIndex, matchTextPositions, TextMatchIndexBuilder } from './text-match-index.ts';

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const WORDS = ['cai', 'tien', 'tieng', 'nguyen', 'van', 'an', 'anh', 'ban', 'quy', 'trinh', 'thcs', 'le', 'don', '2022-2023)', '(giai', 'doan', ':', '50%', 'a', 'x', '—', 'café', '“tro”', '中文', 'ư'];

function seededTexts(count: number, seed: number): string[] {
	const next = random(seed);
	const texts: string[] = [];
	for (let k = 0; k < count; k++) {
		const length = Math.floor(next() * 12);
		let text = next() < 0.05 ? ' ' : '';
		for (let w = 0; w < length; w++) text += (w > 0 ? (next() < 0.05 ? '  ' : ' ') : '') + WORDS[Math.floor(next() * WORDS.length)]!;
		if (next() < 0.05) text += ' ';
		texts.push(text);
	}
	return texts;
}

function scan(texts: readonly string[], needle: string): number[] {
	return texts.flatMap((text, k) => (text.includes(needle) ? [k] : []));
}

describe('text match index', () => {
	const texts = seededTexts(20_000, 2022);
	const index = buildTextMatchIndex(texts);

	it('matches exactly as a scan, for needles taken from the texts and made up', () => {
		const next = random(7);
		const needles = ['cai tien', 'nguyen van', 'n va', 'an', 'a', 'ien', 'tien ', ' tien', '  ', ' ', 'quy trinh (giai', '2022-2023) le', ': 50%', 'zzz', 'x x x', 'anh  ban'];
		for (let k = 0; k < 300; k++) {
			const text = texts[Math.floor(next() * texts.length)]!;
			const from = Math.floor(next() * text.length);
			needles.push(text.slice(from, from + 1 + Math.floor(next() * 25)));
		}
		let nonEmpty = 0;
		for (const needle of needles) {
			if (needle.length === 0) continue;
			const expected = scan(texts, needle);
			expect(matchTextPositions(index, needle), JSON.stringify(needle)).toEqual(expected);
			if (expected.length > 0 && expected.length < texts.length / 2) nonEmpty++;
		}
		// Not vacuous: most needles are selective and found.
		expect(nonEmpty).toBeGreaterThan(200);
	});

	it('an empty needle matches every text; texts added in chunks index as texts added at once', () => {
		expect(matchTextPositions(index, '')).toHaveLength(texts.length);
		const builder = new TextMatchIndexBuilder();
		for (let from = 0; from < texts.length; from += 777) builder.add(texts.slice(from, from + 777));
		const chunked = builder.finish();
		expect(chunked.words).toEqual(index.words);
		expect(Array.from(chunked.wordStart)).toEqual(Array.from(index.wordStart));
		expect(Array.from(chunked.positions)).toEqual(Array.from(index.positions));
		expect(chunked.bytes.equals(index.bytes)).toBe(true);
		expect(Array.from(chunked.starts)).toEqual(Array.from(index.starts));
		expect(chunked.bytes.subarray(chunked.starts[5]!, chunked.starts[6]! - 1).toString('utf8')).toBe(texts[5]);
		for (const needle of ['cai tien', 'an', 'le don']) expect(matchTextPositions(chunked, needle)).toEqual(scan(texts, needle));
	});

	it('matches characters, not bytes, and finds nothing for a needle no text can hold', () => {
		const special = buildTextMatchIndex(['café —', 'cafe', 'x中文y', '', 'ư ư', 'a\u0000b']);
		expect(matchTextPositions(special, 'é')).toEqual([0]);
		expect(matchTextPositions(special, 'fé —')).toEqual([0]);
		expect(matchTextPositions(special, '中')).toEqual([2]);
		expect(matchTextPositions(special, 'ư ư')).toEqual([4]);
		// a lone surrogate, a stray UTF-8 continuation as a character and a NUL are in no text
		expect(matchTextPositions(special, '\ud800')).toEqual([]);
		expect(matchTextPositions(special, '\u0080')).toEqual([]);
		expect(matchTextPositions(special, 'a\u0000b')).toEqual([]);
		expect(matchTextPositions(special, 'b')).toEqual([5]);
		expect(matchTextPositions(buildTextMatchIndex([]), 'a')).toEqual([]);
	});

	it('postings list each text once per word, in ascending order', () => {
		for (let w = 0; w < index.words.length; w++) {
			const postings = Array.from(index.positions.subarray(index.wordStart[w]!, index.wordStart[w + 1]!));
			expect(postings).toEqual([...new Set(postings)].sort((a, b) => a - b));
			expect(postings.every((k) => texts[k]!.split(' ').includes(index.words[w]!))).toBe(true);
		}
	});
});
