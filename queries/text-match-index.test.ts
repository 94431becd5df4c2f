// The in-memory word index finds exactly the texts a full scan finds (includes), for seeded texts and needles of every shape: inside words, across words, with extra spaces, punctuation and one letter.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../pipelines/simulated-portal/portal-faults.ts';
import { foldDiacritics } from '../warehouse/text/name-key.ts';
import { buildTextMatchIndex, matchTextPositions as matchTyped, TextMatchIndexBuilder, type TextMatchIndex } from './text-match-index.ts';

/** The matched positions as a plain array (for equality with the scan's). */
function matchTextPositions(index: TextMatchIndex, needle: string): number[] {
	return Array.from(matchTyped(index, needle));
}

const WORDS = ['Cải', 'cai', 'tiến', 'tien', 'TIẾNG', 'Nguyễn', 'nguyen', 'Văn', 'an', 'Anh', 'bàn', 'quy', 'trình', 'THCS', 'Lê', 'Đôn', '2022-2023)', '(giai', 'đoạn', ':', '50%', 'a', 'x', '—', 'café', '“trò”', '中文', 'ư', 'ΟΔΌΣ', 'e\u0301', 'Ỳ'];

function seededTexts(count: number, seed: number): string[] {
	const next = seededRandom(seed);
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

/** The full scan: the positions of the folded texts containing the (folded) needle. */
function scan(folded: readonly string[], needle: string): number[] {
	return folded.flatMap((text, k) => (text.includes(needle) ? [k] : []));
}

describe('text match index', () => {
	const texts = seededTexts(20_000, 2022);
	const folded = texts.map(foldDiacritics);
	const index = buildTextMatchIndex(texts);

	it('matches exactly as a scan, for needles taken from the texts and made up', () => {
		const next = seededRandom(7);
		const needles = ['cai tien', 'nguyen van', 'n va', 'an', 'a', 'ien', 'tien ', ' tien', '  ', ' ', 'quy trinh (giai', '2022-2023) le', ': 50%', 'zzz', 'x x x', 'anh  ban', 'a ', ' a', 'n v'];
		for (let k = 0; k < 300; k++) {
			const text = folded[Math.floor(next() * texts.length)]!;
			const from = Math.floor(next() * text.length);
			needles.push(text.slice(from, from + 1 + Math.floor(next() * 25)));
		}
		let nonEmpty = 0;
		for (const needle of needles) {
			if (needle.length === 0) continue;
			const expected = scan(folded, needle);
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
		expect(Array.from(chunked.ordinals)).toEqual(Array.from(index.ordinals));
		expect(chunked.bytes.equals(index.bytes)).toBe(true);
		expect(Array.from(chunked.starts)).toEqual(Array.from(index.starts));
		for (const k of [0, 5, 77, texts.length - 1]) expect(chunked.bytes.subarray(chunked.starts[k]!, chunked.starts[k + 1]! - 1).toString('utf8')).toBe(foldDiacritics(texts[k]!));
		for (const needle of ['cai tien', 'an', 'le don']) expect(matchTextPositions(chunked, needle)).toEqual(scan(folded, needle));
	});

	it('stores every text as foldDiacritics folds it: each character up to U+2FFF alone, and mixed texts', () => {
		const characters = Array.from({ length: 0x3000 }, (_, code) => String.fromCharCode(code)).filter((c) => !/[\ud800-\udfff]/u.test(c));
		const samples = [...characters, ...characters.map((c) => `Đ${c}ΣẠ ${c}Σ`), 'Nguyễn Văn Ỳ', 'ΟΔΌΣ ΟΔΌΣ.', 'e\u0301 ê\u0323', '😀 Ư'];
		const index = buildTextMatchIndex(samples);
		const stored = samples.map((_, k) => index.bytes.subarray(index.starts[k]!, index.starts[k + 1]! - 1).toString('utf8'));
		expect(stored.filter((text, k) => text !== foldDiacritics(samples[k]!))).toEqual([]);
		expect(stored.at(-4)).toBe('nguyen van y');
	});

	it('matches characters, not bytes, and finds nothing for a needle no text can hold', () => {
		const special = buildTextMatchIndex(['café —', 'cafe', 'x中文y', '', 'ư ư', 'a\u0000b']);
		expect(matchTextPositions(special, 'e')).toEqual([0, 1]);
		expect(matchTextPositions(special, 'fe —')).toEqual([0]);
		expect(matchTextPositions(special, '中')).toEqual([2]);
		expect(matchTextPositions(special, 'u u')).toEqual([4]);
		// a lone surrogate, a stray UTF-8 continuation as a character and a NUL are in no text
		expect(matchTextPositions(special, '\ud800')).toEqual([]);
		expect(matchTextPositions(special, '\u0080')).toEqual([]);
		expect(matchTextPositions(special, 'a\u0000b')).toEqual([]);
		expect(matchTextPositions(special, 'b')).toEqual([5]);
		expect(matchTextPositions(buildTextMatchIndex([]), 'a')).toEqual([]);
	});

	it('decides a two-word needle by its words\' ordinals, reading a text only when a word repeats or lies past the 254th', () => {
		const long = `${Array.from({ length: 300 }, (_, k) => `w${k}`).join(' ')} cai tien`;
		const texts = ['cai tien ky thuat', 'ky thuat cai tien', 'cai  tien', 'tien cai', 'xcai tieny', 'cai tienz', 'caix tien', 'ab cai', 'tien', 'cai cai tien', long, ...Array.from({ length: 30 }, () => 'other words')];
		const index = buildTextMatchIndex(texts);
		// (Fillers keep each part's texts under half of all, which are otherwise scanned whole.) The same index with every text's bytes blanked: what it still finds was decided without reading a text.
		const blind = { ...index, bytes: Buffer.alloc(index.bytes.length) };
		expect(matchTextPositions(index, 'cai tien')).toEqual(scan(texts, 'cai tien'));
		expect(scan(texts, 'cai tien')).toEqual([0, 1, 4, 5, 9, 10]);
		expect(matchTextPositions(blind, 'cai tien')).toEqual([0, 1, 4, 5]);
		expect(matchTextPositions(blind, 'ky thuat')).toEqual([0, 1]);
		expect(matchTextPositions(blind, 'tien cai')).toEqual([3]);
	});

	it('postings list each text once per word, in ascending order', () => {
		for (let w = 0; w < index.words.length; w++) {
			const postings = Array.from(index.positions.subarray(index.wordStart[w]!, index.wordStart[w + 1]!));
			expect(postings).toEqual([...new Set(postings)].sort((a, b) => a - b));
			expect(postings.every((k) => folded[k]!.split(' ').includes(index.words[w]!))).toBe(true);
		}
	});
});
