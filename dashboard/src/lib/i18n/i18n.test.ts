// The UI dictionary and the page language choice.
import { describe, expect, it } from 'vitest';
import { DEFINITIONS } from '../../../../queries/definitions.ts';
import { MESSAGES, type MessageKey } from './messages.ts';
import { cookieValue, languageCookie, pageLanguage, parseLanguage, urlInLanguage } from './page-language.ts';
import { t, translator } from './translate.ts';

describe('t', () => {
	it('answers Vietnamese by default and English on request', () => {
		expect(t('nav.overview')).toBe('Tổng quan');
		expect(t('nav.overview', 'en')).toBe('Overview');
		expect(translator('en')('export.csv')).toBe('Download CSV');
	});

	it('takes metric labels and definitions from queries/definitions.ts', () => {
		expect(t('metric.valid')).toBe(DEFINITIONS.valid.labelVi);
		expect(t('definition.attainment', 'en')).toBe(DEFINITIONS.attainment.en);
	});

	it('has a non-empty text in both languages for every key', () => {
		for (const [key, message] of Object.entries(MESSAGES) as [MessageKey, { vi: string; en: string }][]) {
			expect(message.vi.trim(), key).not.toBe('');
			expect(message.en.trim(), key).not.toBe('');
		}
	});

	it('leaves unknown placeholders as they are', () => {
		expect(t('nav.overview', 'vi', { x: 1 })).toBe('Tổng quan');
	});
});

describe('pageLanguage', () => {
	const url = (query: string) => new URL(`http://localhost/don-vi/T38${query}`);

	it('is Vietnamese without a parameter or cookie', () => {
		expect(pageLanguage(url(''), null)).toBe('vi');
	});

	it('takes the URL parameter over the cookie', () => {
		expect(pageLanguage(url('?lang=en'), 'lang=vi')).toBe('en');
		expect(pageLanguage(url('?lang=vi'), 'lang=en')).toBe('vi');
	});

	it('falls back to the cookie, then to Vietnamese for unknown values', () => {
		expect(pageLanguage(url(''), 'theme=dark; lang=en-GB')).toBe('en');
		expect(pageLanguage(url('?lang=fr'), 'lang=de')).toBe('vi');
	});

	it('parses language tags and cookies defensively', () => {
		expect(parseLanguage(' VI-vn ')).toBe('vi');
		expect(parseLanguage('')).toBeUndefined();
		expect(cookieValue('a=1; lang=%E0%A4%A', 'lang')).toBeUndefined();
		expect(cookieValue('xlang=en', 'lang')).toBeUndefined();
	});

	it('switches the URL language keeping the other parameters', () => {
		expect(urlInLanguage(url('?asOf=2022-04-20T08:00'), 'en')).toBe('/don-vi/T38?asOf=2022-04-20T08%3A00&lang=en');
		expect(urlInLanguage(url('?lang=en&asOf=x'), 'vi')).toBe('/don-vi/T38?asOf=x');
		expect(languageCookie('en')).toBe('lang=en; Path=/; Max-Age=31536000; SameSite=Lax');
	});
});
