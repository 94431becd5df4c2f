// Logout: POST ends the session (server side and cookie) and returns to the login page; GET shows the button (a link cannot log anyone out).
import { redirect } from '@sveltejs/kit';
import { authService } from '$lib/server/auth/auth-service.ts';
import { clientAddress } from '$lib/server/auth/request-auth.ts';
import { SESSION_COOKIE, clearSessionCookie, isHttps } from '$lib/server/auth/session-cookie.ts';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async (event) => {
		authService().logout(event.cookies.get(SESSION_COOKIE), event.locals.user?.username ?? '-', clientAddress(event));
		clearSessionCookie(event.cookies, isHttps(event.url));
		redirect(303, '/dang-nhap');
	}
};
