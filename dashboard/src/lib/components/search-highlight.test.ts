// The list marks what the search matched, ignoring diacritics and case as the search does.
import { describe, expect, it } from 'vitest';
import { highlightParts } from './search-highlight.ts';

const marked = (text: string, search: string) => highlightParts(text, search).filter((p) => p.match).map((p) => p.text);

describe('search highlight', () => {
	it('marks every match of the folded search, keeping the original characters', () => {
		expect(highlightParts('Giải pháp cải tiến đồ gá hàn', 'cai tien')).toEqual([
			{ text: 'Giải pháp ', match: false },
			{ text: 'cải tiến', match: true },
			{ text: ' đồ gá hàn', match: false }
		]);
		expect(marked('CẢI TIẾN quy trình, cải tiến mẫu', 'cải tiến')).toEqual(['CẢI TIẾN', 'cải tiến']);
		expect(marked('Đổi mới đồng bộ', 'do')).toEqual(['Đổ', 'đồ']);
		expect(marked('Nguyễn Văn An', '  NGUYEN  ')).toEqual(['Nguyễn']);
	});

	it('puts the parts back together as the text, whatever matched', () => {
		for (const [text, search] of [['aaaa', 'aa'], ['Tiết kiệm điện 🔌 tại xưởng', 'điện 🔌'], ['abc', 'abc'], ['Thủy lợi', 'thuy']] as const) {
			expect(highlightParts(text, search).map((p) => p.text).join('')).toBe(text);
		}
		expect(marked('aaaa', 'aa')).toEqual(['aa', 'aa']);
		// a character of two code units (an emoji): a needle across two of them takes both whole, and a second match starting
		// inside the second one is skipped, so no character is repeated or split
		expect(highlightParts('🔌🔌🔌', '\uDD0C\uD83D').map((p) => p.text)).toEqual(['🔌🔌', '🔌']);
		expect(marked('Tiết kiệm điện 🔌 tại xưởng', 'dien 🔌')).toEqual(['điện 🔌']);
	});

	it('leaves a text unmarked without a search or a match, and ignores the LIKE wildcards the search ignores', () => {
		expect(highlightParts('Cải tiến', '')).toEqual([{ text: 'Cải tiến', match: false }]);
		expect(highlightParts('Cải tiến', undefined)).toEqual([{ text: 'Cải tiến', match: false }]);
		expect(highlightParts('Cải tiến', 'máy')).toEqual([{ text: 'Cải tiến', match: false }]);
		expect(marked('Cải tiến', 'cai%')).toEqual(['Cải']);
	});
});
