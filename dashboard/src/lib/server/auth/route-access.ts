// Who may open which page or endpoint (pure): the login page is open; anonymous requests are sent to it (pages) or get 401 (endpoints); a role that may never use a page gets 403 (pages and their names are public); records outside a viewer's scope answer 404 in the queries.
import type { Role } from '../../../../../queries/viewer.ts';

export type Access =
	| { kind: 'open' }
	| { kind: 'allow' }
	| { kind: 'login' }
	| { kind: 'unauthorized' }
	| { kind: 'forbidden' }
	| { kind: 'redirect'; to: string };

const FIGURES: readonly Role[] = ['leadership', 'regional', 'press'];
const DETAIL: readonly Role[] = ['leadership', 'regional'];
const HEALTH: readonly Role[] = ['leadership', 'regional', 'admin'];

/** Exports by dataset id: detail (titles, authors) and data health have narrower audiences than figures. */
export const DATASET_ROLES: Record<string, readonly Role[]> = {
	'danh-sach-sang-kien': DETAIL,
	'tac-gia': DETAIL,
	'sang-kien-lam-loi': DETAIL,
	'cach-ly': HEALTH,
	'dong-bi-loai': HEALTH,
	'lan-cap-nhat': HEALTH
};

/** The roles of a path (undefined = open to anyone). */
export function rolesOf(pathname: string): readonly Role[] | undefined {
	if (pathname === '/dang-nhap' || pathname.startsWith('/dang-nhap/')) return undefined;
	if (pathname === '/dang-xuat') return ['leadership', 'regional', 'press', 'admin'];
	if (pathname === '/quan-tri' || pathname.startsWith('/quan-tri/')) return ['admin'];
	if (pathname === '/chat-luong') return HEALTH;
	if (pathname.startsWith('/sang-kien/') || pathname.startsWith('/api/sang-kien/')) return DETAIL;
	const exported = /^\/xuat\/([^/]+)\//u.exec(pathname);
	if (exported) return DATASET_ROLES[exported[1]!] ?? FIGURES;
	return FIGURES;
}

/** Endpoints answer machines: no login page, a status. */
export function isEndpoint(pathname: string): boolean {
	return pathname.startsWith('/xuat/') || pathname.startsWith('/api/');
}

/** The access decision for a request (pure). */
export function routeAccess(pathname: string, role: Role | undefined): Access {
	const roles = rolesOf(pathname);
	if (!roles) return { kind: 'open' };
	if (!role) return isEndpoint(pathname) ? { kind: 'unauthorized' } : { kind: 'login' };
	if (role === 'admin' && pathname === '/') return { kind: 'redirect', to: '/quan-tri' };
	return roles.includes(role) ? { kind: 'allow' } : { kind: 'forbidden' };
}

/** A local path to return to after login, or '/' (no other host, no scheme, no backslash tricks). */
export function safeReturnPath(value: string | null): string {
	if (!value || value.length > 500 || !value.startsWith('/') || value.startsWith('//') || /[\\\s]/u.test(value) || value.startsWith('/dang-nhap') || value.startsWith('/dang-xuat')) return '/';
	return value;
}
