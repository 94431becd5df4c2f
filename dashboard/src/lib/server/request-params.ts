// Validates the parameters every page shares (as-of, language) and the small typed ones pages add (enums, page numbers, codes); bad values answer 400 in Vietnamese.
import { error } from '@sveltejs/kit';
import { parseWallClock, type WallClock } from '../../../../warehouse/time/wall-clock.ts';
import { t, type Language } from '../i18n/translate.ts';

/** `?asOf=`: undefined when absent or blank (= latest export); 400 when it is not a time. */
export function asOfParam(url: URL, language: Language): WallClock | undefined {
	const text = url.searchParams.get('asOf')?.trim();
	if (!text) return undefined;
	const parsed = text.length <= 40 ? parseWallClock(text) : undefined;
	if (!parsed) error(400, { message: t('error.badAsOf', language), code: 'bad_as_of' });
	return parsed;
}

/** One of a closed list of values, else the default; 400 for a value outside the list. */
export function enumParam<T extends string>(url: URL, name: string, allowed: readonly T[], fallback: T, language: Language): T {
	const value = url.searchParams.get(name);
	if (value === null || value === '') return fallback;
	if (!(allowed as readonly string[]).includes(value)) error(400, { message: badParameter(name, language), code: 'bad_parameter' });
	return value as T;
}

/** An optional enum (undefined when absent). */
export function optionalEnumParam<T extends string>(url: URL, name: string, allowed: readonly T[], language: Language): T | undefined {
	const value = url.searchParams.get(name);
	if (value === null || value === '') return undefined;
	return enumParam(url, name, allowed, allowed[0]!, language);
}

/** A positive page number (default 1, at most 100000). */
export function pageParam(url: URL, language: Language): number {
	const value = url.searchParams.get('trang');
	if (value === null || value === '') return 1;
	if (!/^\d{1,6}$/u.test(value) || +value < 1) error(400, { message: badParameter('trang', language), code: 'bad_parameter' });
	return +value;
}

/** A short free text (search), trimmed, at most 100 characters. */
export function textParam(url: URL, name: string): string {
	return (url.searchParams.get(name) ?? '').trim().slice(0, 100);
}

/** A unit code as written in the tree (letters, digits, dots), or 404. */
export function unitCodeParam(code: string, language: Language): string {
	if (!/^[A-Za-z0-9.]{1,40}$/u.test(code)) error(404, { message: t('error.notFound', language), code: 'not_found' });
	return code;
}

export function badParameter(name: string, language: Language): string {
	return language === 'vi' ? `Tham số “${name}” không hợp lệ.` : `Invalid parameter “${name}”.`;
}
