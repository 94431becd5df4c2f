// The session cookie: HttpOnly, SameSite=Lax, path /, Secure behind HTTPS (ORIGIN https:// or an https request); ends with the browser or the session.
import type { Cookies } from '@sveltejs/kit';

export const SESSION_COOKIE = 'sk_session';

/** Is the dashboard served over HTTPS (then the cookie is Secure)? */
export function isHttps(url: URL, env: Record<string, string | undefined> = process.env): boolean {
	return url.protocol === 'https:' || (env.ORIGIN ?? '').startsWith('https://');
}

export function setSessionCookie(cookies: Cookies, id: string, secure: boolean): void {
	cookies.set(SESSION_COOKIE, id, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: 8 * 3600 });
}

export function clearSessionCookie(cookies: Cookies, secure: boolean): void {
	cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}
