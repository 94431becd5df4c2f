// The layout's data on every page (and the as-of form's ?ngay=&gio= folded into ?asOf=): language, the signed-in account and the pages it may open, the validated as-of, and the published version's stamp (latest export, version) for the as-of selector and the footer.
import { redirect } from '@sveltejs/kit';
import { resolveStamp } from '../../../queries/query-context.ts';
import { NoPublishedVersionError } from '../../../warehouse/versions/published-warehouse.ts';
import { asOfParam } from '$lib/server/request-params.ts';
import { publishedWarehouse } from '$lib/server/warehouse.ts';
import { rolesOf } from '$lib/server/auth/route-access.ts';
import type { LayoutServerLoad } from './$types';

const NAV = ['/', '/don-vi/VN', '/xep-hang', '/vung-cum', '/tong-ket', '/bao-chi', '/chat-luong', '/quan-tri'];

export const load: LayoutServerLoad = async ({ url, locals }) => {
	const language = locals.language;
	// The language comes from the hooks, but reading ?lang= here makes a client-side language switch rerun this load.
	url.searchParams.get('lang');
	const user = locals.user ? { username: locals.user.username, role: locals.user.role, unitCode: locals.user.unitCode } : null;
	// Anonymous (the login page): no warehouse stamp, no navigation; `published` only lets the frame show the page.
	if (!locals.user) return { language, user, nav: [] as string[], asOfParam: undefined, asOf: null, latestExport: null, version: null, published: true };
	const role = locals.user.role;
	const nav = NAV.filter((href) => (href === '/' && role === 'admin' ? false : rolesOf(href)?.includes(role)));
	const date = url.searchParams.get('ngay');
	if (date !== null) {
		const next = new URL(url);
		next.searchParams.delete('ngay');
		next.searchParams.delete('gio');
		next.searchParams.set('asOf', `${date.trim()}T${url.searchParams.get('gio')?.trim() || '23:59'}`);
		redirect(303, `${next.pathname}${next.search}`);
	}
	let asOf: string | undefined;
	try {
		asOf = asOfParam(url, language);
	} catch {
		// an invalid as-of: the page's own load answers 400 inside this layout; the frame shows the latest
	}
	try {
		const stamp = await publishedWarehouse().use((handle) => resolveStamp(handle.db, asOf));
		return { language, user, nav, asOfParam: asOf === undefined ? undefined : url.searchParams.get('asOf')?.trim(), asOf: stamp.asOf, latestExport: stamp.latestExport, version: stamp.version, published: true };
	} catch (e) {
		if (!(e instanceof NoPublishedVersionError) && !(e instanceof Error && 'code' in e && e.code === 'empty_warehouse')) throw e;
		return { language, user, nav, asOfParam: undefined, asOf: null, latestExport: null, version: null, published: false };
	}
};
