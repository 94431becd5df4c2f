// Server hooks: the page language (?lang=en, Vietnamese first; kept in every link, not in a cookie) on <html lang>, login and role checks before any page or endpoint runs (auth/route-access.ts), security headers, exports audited, error pages without stack traces or SQL, and the page-cache warmer started at init.
import { AsyncLocalStorage } from 'node:async_hooks';
import { redirect, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { setRenderedPageCheck } from '$lib/markup.ts';
import { pageLanguage } from '$lib/i18n/page-language.ts';
import { t } from '$lib/i18n/translate.ts';
import { authService } from '$lib/server/auth/auth-service.ts';
import { auditExport, clientAddress, identify } from '$lib/server/auth/request-auth.ts';
import { isEndpoint, routeAccess } from '$lib/server/auth/route-access.ts';
import { securityHeaders } from '$lib/server/auth/security-headers.ts';
import { isHttps } from '$lib/server/auth/session-cookie.ts';
import { startPageWarmer } from '$lib/server/page-warmer.ts';

const refusal = (status: 401 | 403, endpoint: boolean, language: 'vi' | 'en'): Response => {
	const message = status === 401
		? (language === 'vi' ? 'Cần đăng nhập.' : 'Login required.')
		: (language === 'vi' ? 'Tài khoản của bạn không được xem trang này.' : 'Your account may not open this page.');
	if (endpoint) {
		return new Response(JSON.stringify({ message, code: status === 401 ? 'unauthorized' : 'forbidden' }), {
			status,
			headers: { 'content-type': 'application/json; charset=utf-8', ...(status === 401 ? { 'www-authenticate': 'Bearer realm="sang-kien"' } : {}) }
		});
	}
	const html = `<!doctype html><html lang="${language}"><meta charset="utf-8"><title>${status}</title><main><h1>${status}</h1><p>${message}</p><p><a href="/">${language === 'vi' ? 'Về trang chủ' : 'Home'}</a> · <a href="/dang-xuat">${language === 'vi' ? 'Đăng xuất' : 'Log out'}</a></p></main></html>`;
	return new Response(html, { status, headers: { 'content-type': 'text/html; charset=utf-8' } });
};

// A page's server-rendered HTML travels once: the hydration data serialised while a page request renders holds
// placeholders; a data request (client-side navigation) gets the whole HTML. SvelteKit's own request store is cleared
// while it renders, hence a store of ours around resolve.
const renderedPage = new AsyncLocalStorage<boolean>();
setRenderedPageCheck(() => renderedPage.getStore() === true);

/** At server start: warm the page cache of the published version, and of every version published later. */
export const init: ServerInit = () => {
	startPageWarmer();
};

export const handle: Handle = async ({ event, resolve }) => {
	const language = pageLanguage(event.url, event.request.headers.get('cookie'));
	event.locals.language = language;
	const auth = authService();
	const identity = identify(event, auth);
	event.locals.user = identity?.user;
	event.locals.viewer = identity?.viewer;
	const { pathname } = event.url;
	const access = routeAccess(pathname, identity?.user.role);
	if (access.kind === 'login') redirect(303, `/dang-nhap?sau=${encodeURIComponent(pathname + event.url.search)}`);
	if (access.kind === 'redirect') redirect(303, access.to);
	const response =
		access.kind === 'unauthorized' ? refusal(401, true, language)
		: access.kind === 'forbidden' ? refusal(403, isEndpoint(pathname), language)
		: await renderedPage.run(!event.isDataRequest, () => resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', language) }));
	for (const [name, value] of Object.entries(securityHeaders(isHttps(event.url)))) if (!response.headers.has(name)) response.headers.set(name, value);
	if (identity && !response.headers.has('cache-control')) response.headers.set('cache-control', 'private, no-store');
	if (identity && response.status === 200 && isEndpoint(pathname)) auditExport(event, identity.user, clientAddress(event), auth);
	return response;
};

export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status !== 404) {
		const message = error instanceof Error ? error.message.split('\n')[0]!.replace(/\d{9,}/gu, '…').slice(0, 200) : 'unknown error';
		console.error(`${event.request.method} ${event.url.pathname}: ${message}`);
	}
	const language = event.locals.language ?? 'vi';
	return status === 404 ? { message: t('error.notFound', language), code: 'not_found' } : { message: t('error.unexpected', language), code: 'unexpected' };
};
