// Picks the page language from the URL (?lang=en) or the `lang` cookie, Vietnamese by default; pure, for hooks and load functions.
import type { Language } from '../../../../queries/format/vi-format.ts';

export const LANGUAGE_PARAM = 'lang';
export const LANGUAGE_COOKIE = 'lang';
export const LANGUAGES: readonly Language[] = ['vi', 'en'];

/** "en", "EN", "en-GB" → "en"; "vi", "vi-VN" → "vi"; anything else → undefined. */
export function parseLanguage(value: string | null | undefined): Language | undefined {
	const primary = value?.trim().toLowerCase().split(/[-_]/u)[0];
	return primary === 'vi' || primary === 'en' ? primary : undefined;
}

/** The value of one cookie in a Cookie header, or undefined. */
export function cookieValue(header: string | null | undefined, name: string): string | undefined {
	for (const part of (header ?? '').split(';')) {
		const at = part.indexOf('=');
		if (at > 0 && part.slice(0, at).trim() === name) {
			try {
				return decodeURIComponent(part.slice(at + 1).trim());
			} catch {
				return undefined;
			}
		}
	}
	return undefined;
}

/** The page language: the URL parameter wins over the cookie; Vietnamese when neither names a known language. */
export function pageLanguage(url: URL, cookieHeader?: string | null): Language {
	return parseLanguage(url.searchParams.get(LANGUAGE_PARAM)) ?? parseLanguage(cookieValue(cookieHeader, LANGUAGE_COOKIE)) ?? 'vi';
}

/** The same URL in another language (for the language switch link; keeps every other parameter). */
export function urlInLanguage(url: URL, language: Language): string {
	const next = new URL(url);
	if (language === 'vi') next.searchParams.delete(LANGUAGE_PARAM);
	else next.searchParams.set(LANGUAGE_PARAM, language);
	return `${next.pathname}${next.search}${next.hash}`;
}

/** The Set-Cookie value remembering a language for a year. */
export function languageCookie(language: Language): string {
	return `${LANGUAGE_COOKIE}=${language}; Path=/; Max-Age=31536000; SameSite=Lax`;
}
