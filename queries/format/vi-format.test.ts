// vi-VN formatting writes figures the way the Vietnamese press does.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../pipelines/simulated-portal/portal-faults.ts';
import { formatAsOfPhrase, formatDate, formatDateTime, formatInteger, formatPercent, formatVnd } from './vi-format.ts';

describe('vi-VN formatting', () => {
	it('groups thousands with dots and uses a decimal comma', () => {
		expect(formatInteger(163532)).toBe('163.532');
		expect(formatInteger(1234567)).toBe('1.234.567');
		expect(formatInteger(1234567, 'en')).toBe('1,234,567');
		expect(formatPercent(1.089)).toBe('108,9%');
		expect(formatPercent(1.089, 'en')).toBe('108.9%');
	});

	it('groups every integer as Intl does (its own grouping for safe integers), zero without a sign', () => {
		const intl = { vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }), en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }) };
		const next = seededRandom(11);
		const values = [0, 1, -1, 999, 1000, -1000, 100000, 2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 53, 1e21, 12.6, -0.4];
		for (let k = 0; k < 2000; k++) values.push(Math.round((next() - 0.5) * 10 ** Math.floor(next() * 16)));
		for (const value of values) {
			for (const language of ['vi', 'en'] as const) expect(formatInteger(value, language), `${value} ${language}`).toBe(intl[language].format(value).replace(/^-0$/u, '0'));
		}
		expect(formatInteger(-0)).toBe('0');
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
