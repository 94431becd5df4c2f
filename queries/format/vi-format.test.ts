// vi-VN formatting writes figures the way the Vietnamese press does.
import { describe, expect, it } from 'vitest';
import { formatAsOfPhrase, formatDate, formatDateTime, formatInteger, formatPercent, formatVnd } from './vi-format.ts';

describe('vi-VN formatting', () => {
	it('groups thousands with dots and uses a decimal comma', () => {
		expect(formatInteger(163532)).toBe('163.532');
		expect(formatInteger(1234567)).toBe('1.234.567');
		expect(formatInteger(1234567, 'en')).toBe('1,234,567');
		expect(formatPercent(1.089)).toBe('108,9%');
		expect(formatPercent(1.089, 'en')).toBe('108.9%');
	});

	it('writes benefit in tỷ and triệu đồng', () => {
		expect(formatVnd(4_980_000_000)).toBe('4,98 tỷ đồng');
		expect(formatVnd(520_400_000_000)).toBe('520 tỷ đồng');
		expect(formatVnd(33_123_000_000_000)).toBe('33.123 tỷ đồng');
		expect(formatVnd(520_000_000)).toBe('520 triệu đồng');
		expect(formatVnd(4_980_000_000, 'en')).toBe('4.98 billion VND');
	});

	it('writes dates day first and as-of phrases as the press does', () => {
		expect(formatDate('2022-04-20T08:00:00')).toBe('20/04/2022');
		expect(formatDateTime('2022-04-20T08:00:00')).toBe('08:00 20/04/2022');
		expect(formatAsOfPhrase('2022-04-20T08:00:00')).toBe('8 giờ ngày 20/4/2022');
		expect(formatAsOfPhrase('2022-10-03T15:34:00')).toBe('15 giờ 34 phút ngày 3/10/2022');
		expect(formatAsOfPhrase('2022-05-31T23:59:00')).toBe('ngày 31/5/2022');
	});
});
