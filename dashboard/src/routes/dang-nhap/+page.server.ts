// Login: a form (username, password) checked by the auth service; success replaces any old session with a fresh id and returns to the page asked for; failures and lockouts answer the same way whether or not the account exists.
import { fail, redirect } from '@sveltejs/kit';
import { authService } from '$lib/server/auth/auth-service.ts';
import { formText } from '$lib/server/auth/form-input.ts';
import { clientAddress } from '$lib/server/auth/request-auth.ts';
import { safeReturnPath } from '$lib/server/auth/route-access.ts';
import { SESSION_COOKIE, isHttps, setSessionCookie } from '$lib/server/auth/session-cookie.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const back = safeReturnPath(url.searchParams.get('sau'));
	if (locals.user) redirect(303, back);
	return { back };
};

export const actions: Actions = {
	default: async (event) => {
		const language = event.locals.language;
		const form = await event.request.formData().catch(() => null);
		const username = form ? formText(form, 'username', 40) : null;
		const password = form ? formText(form, 'password', 200) : null;
		const back = safeReturnPath(form ? formText(form, 'sau', 500) : null);
		if (!username || !password) return fail(400, { username: username ?? '', message: language === 'vi' ? 'Nhập tên đăng nhập và mật khẩu.' : 'Enter a username and a password.' });
		const auth = authService();
		const secure = isHttps(event.url);
		// Whatever session the browser brought ends here: the new one gets a fresh id (no fixation).
		auth.sessions.destroy(event.cookies.get(SESSION_COOKIE));
		const result = await auth.login(username, password, clientAddress(event));
		if (!result.ok) {
			if (result.reason === 'locked') {
				const minutes = Math.ceil(result.retryAfterMs / 60_000);
				event.setHeaders({ 'retry-after': String(Math.ceil(result.retryAfterMs / 1000)) });
				return fail(429, { username, message: language === 'vi' ? `Đăng nhập sai quá nhiều lần. Hãy thử lại sau ${minutes} phút.` : `Too many failed logins. Try again in ${minutes} min.` });
			}
			return fail(400, { username, message: language === 'vi' ? 'Tên đăng nhập hoặc mật khẩu không đúng.' : 'Wrong username or password.' });
		}
		setSessionCookie(event.cookies, result.sessionId, secure);
		redirect(303, result.user.role === 'admin' && back === '/' ? '/quan-tri' : back);
	}
};
