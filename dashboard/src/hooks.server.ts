// Server hooks: the page language (?lang=en, Vietnamese first; kept in every link, not in a cookie) on <html lang>, and error pages without stack traces or SQL.
import type { Handle, HandleServerError } from '@sveltejs/kit';
import { pageLanguage } from '$lib/i18n/page-language.ts';
import { t } from '$lib/i18n/translate.ts';

export const handle: Handle = async ({ event, resolve }) => {
	const language = pageLanguage(event.url, event.request.headers.get('cookie'));
	event.locals.language = language;
	return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', language) });
};

export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status !== 404) {
		const message = error instanceof Error ? error.message.split('\n')[0]!.slice(0, 200) : 'unknown error';
		console.error(`${event.request.method} ${event.url.pathname}: ${message}`);
	}
	const language = event.locals.language ?? 'vi';
	return status === 404 ? { message: t('error.notFound', language), code: 'not_found' } : { message: t('error.unexpected', language), code: 'unexpected' };
};
