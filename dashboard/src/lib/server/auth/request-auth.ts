// Who a request is (session cookie, or `Authorization: Bearer` on GET/HEAD for scripts), the client address, and the audit record of a finished export.
import type { RequestEvent } from '@sveltejs/kit';
import type { Viewer } from '../../../../../queries/viewer.ts';
import { redactFilters } from './audit-log.ts';
import type { AuthService, SignedIn } from './auth-service.ts';
import { SESSION_COOKIE } from './session-cookie.ts';

export type Identity = { user: SignedIn; viewer: Viewer } | undefined;

/** The identity of a request; a Bearer header that is not a valid token (or on a write) is no identity at all. */
export function identify(event: Pick<RequestEvent, 'request' | 'cookies'>, auth: AuthService): Identity {
	const header = event.request.headers.get('authorization');
	if (header !== null) {
		const m = /^Bearer (\S{1,200})$/u.exec(header.trim());
		const safe = event.request.method === 'GET' || event.request.method === 'HEAD';
		return m && safe ? auth.fromToken(m[1]!) : undefined;
	}
	return auth.fromSession(event.cookies.get(SESSION_COOKIE));
}

/** The client address (adapter-node's ADDRESS_HEADER behind a proxy), or '?' when unknown. */
export function clientAddress(event: Pick<RequestEvent, 'getClientAddress'>): string {
	try {
		return event.getClientAddress().slice(0, 64);
	} catch {
		return '?';
	}
}

/** Records a successful export or API download: who, which dataset and kind, and its filters (search text by length only). */
export function auditExport(event: Pick<RequestEvent, 'url'>, user: SignedIn, ip: string, auth: AuthService): void {
	const params = Object.fromEntries([...event.url.searchParams.entries()].slice(0, 20).map(([k, v]) => [k.slice(0, 20), v]));
	auth.audit.append({ event: 'export', actor: user.username, ip, target: event.url.pathname.slice(0, 120), detail: { via: user.via, ...redactFilters(params) } });
}
