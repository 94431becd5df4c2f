// Links that keep the page context (as-of time, language) so every URL is shareable and back/forward works; pure, shared by server and client.
import type { Language } from '../../../../queries/format/vi-format.ts';

export interface LinkContext {
	/** The as-of text as given in the URL (undefined = latest). */
	asOf?: string;
	language: Language;
}

/** `path` with the context's asOf and lang plus `params` (undefined/empty values dropped). */
export function link(path: string, context: LinkContext, params: Record<string, string | number | undefined | null> = {}): string {
	const search = new URLSearchParams();
	for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
	if (context.asOf) search.set('asOf', context.asOf);
	if (context.language !== 'vi') search.set('lang', context.language);
	const query = search.toString();
	return query ? `${path}?${query}` : path;
}

/** The current URL with some parameters replaced (undefined or '' removes one); keeps everything else. */
export function withParams(url: URL, params: Record<string, string | number | undefined | null>): string {
	const next = new URLSearchParams(url.searchParams);
	for (const [key, value] of Object.entries(params)) {
		if (value === undefined || value === null || value === '') next.delete(key);
		else next.set(key, String(value));
	}
	const query = next.toString();
	return query ? `${url.pathname}?${query}` : url.pathname;
}

/** Vietnamese or English text by the page language. */
export function tr(language: Language, vi: string, en: string): string {
	return language === 'vi' ? vi : en;
}
