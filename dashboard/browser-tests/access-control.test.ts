// Access control against `node build` on the scale-0.01 warehouse: the permission matrix (every page, endpoint and export × anonymous and each role — a regional union bound to a level-1 unit and one bound to an upper-level union — × own and another unit), no leaked title/author/phone, attacks answered safely, sessions surviving a restart, admin account forms, and a regional union in Chromium.
import { chromium, type Browser } from 'playwright-core';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topInitiatives } from '../../queries/benefit.ts';
import { topAuthors } from '../../queries/people.ts';
import { LEADERSHIP } from '../../queries/viewer.ts';
import { DATASET_PARAMS, DATASETS } from '../src/lib/server/datasets.ts';
import { AuditLog } from '../src/lib/server/auth/audit-log.ts';
import { authDirOf, contextWithCookie, createTestUser, loginCookie, startDashboard, startServer, TEST_PASSWORD, type DashboardServer } from './dashboard-server.ts';

const CHROMIUM = '/usr/bin/chromium';
/** `regional` is bound to the level-1 unit OWN (T38); `upper` to the upper-level union of OWN holding ownGrassroots. */
const ROLES = ['anonymous', 'leadership', 'regional', 'press', 'admin', 'upper'] as const;
type Who = (typeof ROLES)[number];
/** Expected status per role, in ROLES order. */
type Row = [path: string, anonymous: number, leadership: number, regional: number, press: number, admin: number, upper: number];

let server: DashboardServer;
const cookies = new Map<Who, string>();
const OWN = 'T38';
const OTHER = 'T40';
let ownGrassroots: string;
let otherGrassroots: string;
let ownId: string;
let otherId: string;
/** The upper-level union of ownGrassroots (bound to `upper`), and a sibling upper-level union of the same province with its busiest grassroots union. */
let ownUpper: string;
let siblingUpper: string;
let siblingGrassroots: string;
let siblingId: string;
/** Titles, authors and phones a viewer must never receive: another unit's (regional, upper), anyone's (press, admin). */
let otherSecrets: string[];
let upperSecrets: string[];
let allSecrets: string[];

const get = (path: string, who: Who, init: RequestInit = {}) =>
	fetch(`${server.url}${path}`, { redirect: 'manual', ...init, headers: { ...(init.headers as Record<string, string>), ...(cookies.has(who) ? { cookie: cookies.get(who)! } : {}) } });

/** Titles, authors and phones of a unit (level-1 or upper-level) as its pages would show them to someone allowed: top lists, one grassroots union's list, a sample. */
async function secretsOf(unit: string, grassroots: string): Promise<string[]> {
	const db = server.db;
	const [top, authors] = await Promise.all([topInitiatives(db, { viewer: LEADERSHIP, unit, limit: 50 }), topAuthors(db, { viewer: LEADERSHIP, unit, limit: 50 })]);
	const listed = await db.selectFrom('initiative').select(['title', 'author', 'phone']).where('grassroots_code', '=', grassroots).orderBy('submitted_at', 'desc').limit(100).execute();
	const sample = await db.selectFrom('initiative').select(['title', 'author', 'phone']).where(unit.includes('.') ? 'upper_code' : 'level1_code', '=', unit).orderBy('initiative_id').limit(300).execute();
	const ids = top.rows.map((r) => r.initiativeId);
	const topRows = ids.length ? await db.selectFrom('initiative').select(['title', 'author', 'phone']).where('initiative_id', 'in', ids).execute() : [];
	const values = [...listed, ...sample, ...topRows].flatMap((r) => [r.title, r.author, r.phone]).concat(authors.rows.map((r) => r.name));
	return values.filter((v): v is string => typeof v === 'string' && v.length >= 9);
}

describe('access control (scale 0.01, node build)', () => {
	beforeAll(async () => {
		server = await startDashboard({ scale: 0.01, dirty: 0.02 });
		await createTestUser(server.warehouse, 'thanh-hoa', 'regional', OWN);
		await createTestUser(server.warehouse, 'bao-chi', 'press');
		await createTestUser(server.warehouse, 'quan-tri', 'admin');
		cookies.set('leadership', server.cookie);
		cookies.set('regional', await loginCookie(server.url, 'thanh-hoa'));
		cookies.set('press', await loginCookie(server.url, 'bao-chi'));
		cookies.set('admin', await loginCookie(server.url, 'quan-tri'));
		const busiest = async (level1: string, notUpper?: string) =>
			(await server.db.selectFrom('initiative').select(['grassroots_code', 'upper_code', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('initiative_id').as('id')])
				.where('level1_code', '=', level1).where('withdrawn_at', 'is', null).where('upper_code', 'is not', null)
				.$if(notUpper !== undefined, (q) => q.where('upper_code', '<>', notUpper!))
				.groupBy(['grassroots_code', 'upper_code']).orderBy('n', 'desc').orderBy('grassroots_code').limit(1).executeTakeFirstOrThrow());
		const own = await busiest(OWN);
		const other = await busiest(OTHER);
		[ownGrassroots, ownId, otherGrassroots, otherId] = [own.grassroots_code!, String(own.id), other.grassroots_code!, String(other.id)];
		ownUpper = own.upper_code!;
		const sibling = await busiest(OWN, ownUpper);
		[siblingUpper, siblingGrassroots, siblingId] = [sibling.upper_code!, sibling.grassroots_code!, String(sibling.id)];
		await createTestUser(server.warehouse, 'cd-cap-tren', 'regional', ownUpper);
		cookies.set('upper', await loginCookie(server.url, 'cd-cap-tren'));
		const ownValues = new Set(await secretsOf(OWN, ownGrassroots));
		const otherValues = await secretsOf(OTHER, otherGrassroots);
		const siblingValues = await secretsOf(siblingUpper, siblingGrassroots);
		// A generated title or name can occur in both provinces; only the other's own values prove a leak.
		const candidates = [...new Set(otherValues.filter((v) => !ownValues.has(v)))];
		// Bodies are searched for substrings, so a value also found inside any of the own unit's texts (a longer title from
		// the same word pools, a namesake co-author) would be a false alarm: keep only values the own unit never contains.
		const ownRows = await server.db.selectFrom('initiative').select(['title', 'author', 'coauthors', 'phone', 'position']).where('level1_code', '=', OWN).execute();
		const ownTexts = ownRows.flatMap((r) => [r.title, r.author, r.coauthors, r.phone, r.position]).filter((v): v is string => typeof v === 'string');
		otherSecrets = candidates.filter((v) => !ownTexts.some((text) => text.includes(v)));
		// The upper-level account: its sibling's and the other province's values that its own subtree never contains.
		const upperRows = await server.db.selectFrom('initiative').select(['title', 'author', 'coauthors', 'phone', 'position']).where('upper_code', '=', ownUpper).execute();
		const upperTexts = upperRows.flatMap((r) => [r.title, r.author, r.coauthors, r.phone, r.position]).filter((v): v is string => typeof v === 'string');
		upperSecrets = [...new Set([...siblingValues, ...otherValues])].filter((v) => !upperTexts.some((text) => text.includes(v)));
		allSecrets = [...new Set([...ownValues, ...otherValues, ...siblingValues])];
		expect(otherSecrets.length).toBeGreaterThan(100);
		expect(upperSecrets.filter((v) => siblingValues.includes(v)).length).toBeGreaterThan(50);
	}, 1_800_000);
	afterAll(async () => server?.close());

	const matrix = (): Row[] => {
		const figures = (path: string): Row => [path, path.startsWith('/xuat/') || path.startsWith('/api/') ? 401 : 303, 200, 200, 200, 403, 200];
		/** Detail (titles, authors): `own` for the level-1 account, `upperOwn` for the upper-level one (its subtree only). */
		const detail = (path: string, own: boolean, upperOwn: boolean): Row => [path, 401, 200, own ? 200 : 404, 403, 403, upperOwn ? 200 : 404];
		const DETAIL_DATASETS = ['tac-gia', 'sang-kien-lam-loi', 'danh-sach-sang-kien'];
		const rows: Row[] = [
			['/', 303, 200, 200, 200, 303, 200],
			figures('/don-vi/VN'), figures(`/don-vi/${OWN}`), figures(`/don-vi/${OTHER}`), figures(`/don-vi/${ownUpper}`), figures(`/don-vi/${siblingUpper}`),
			['/don-vi/' + ownGrassroots, 303, 200, 200, 404, 403, 200],
			['/don-vi/' + siblingGrassroots, 303, 200, 200, 404, 403, 200],
			['/don-vi/' + otherGrassroots, 303, 200, 200, 404, 403, 200],
			[`/sang-kien/${ownId}`, 303, 200, 200, 403, 403, 200],
			[`/sang-kien/${siblingId}`, 303, 200, 200, 403, 403, 404],
			[`/sang-kien/${otherId}`, 303, 200, 404, 403, 403, 404],
			['/sang-kien/KHONG-CO', 303, 404, 404, 403, 403, 404],
			figures('/tong-ket'), figures(`/tong-ket/${OWN}`), figures(`/tong-ket/${OTHER}`), figures(`/tong-ket/${siblingUpper}`),
			[`/tong-ket/${otherGrassroots}`, 303, 200, 200, 404, 403, 200],
			[`/tong-ket/${siblingGrassroots}`, 303, 200, 200, 404, 403, 200],
			figures('/xep-hang'), figures('/xep-hang?level=2'),
			// The press gets the page without the grassroots table (the dataset refuses the level).
			['/xep-hang?level=3', 303, 200, 200, 200, 403, 200],
			figures('/vung-cum'), figures('/bao-chi'), figures(`/bao-chi?unit=${OTHER}`),
			['/chat-luong', 303, 200, 200, 403, 200, 200],
			['/quan-tri', 303, 403, 403, 403, 200, 403],
			detail(`/api/sang-kien/${ownGrassroots}`, true, true),
			detail(`/api/sang-kien/${siblingGrassroots}`, true, false),
			detail(`/api/sang-kien/${otherGrassroots}`, false, false)
		];
		for (const id of Object.keys(DATASETS)) {
			for (const unit of [OWN, OTHER]) {
				const own = unit === OWN;
				// Rankings take a level below the unit: the national level-1 ranking, once.
				if (id === 'xep-hang' && !own) continue;
				const path = id === 'xep-hang' ? '/xuat/xep-hang/csv' : `/xuat/${id}/csv?unit=${unit}`;
				// The level-1 unit is above the upper-level account's subtree: its detail and its rejected rows are refused.
				if (DETAIL_DATASETS.includes(id)) rows.push(detail(path, own, false));
				else if (id === 'dong-bi-loai') rows.push([path, 401, 200, own ? 200 : 404, 403, 200, 404]);
				else if (id === 'cach-ly' || id === 'lan-cap-nhat') rows.push([path, 401, 200, 200, 403, 200, 200]);
				else rows.push(figures(path));
			}
		}
		// The upper-level unions of the own province: the account's own subtree in detail, its sibling's as figures only.
		for (const unit of [ownUpper, siblingUpper]) {
			for (const id of DETAIL_DATASETS) rows.push(detail(`/xuat/${id}/csv?unit=${unit}`, true, unit === ownUpper));
			rows.push(figures(`/xuat/tong-so/csv?unit=${unit}`), figures(`/xuat/don-vi-con/csv?unit=${unit}`));
		}
		rows.push(
			detail(`/xuat/danh-sach-sang-kien/xlsx?unit=${otherGrassroots}`, false, false),
			detail(`/xuat/danh-sach-sang-kien/xlsx?unit=${siblingGrassroots}`, true, false),
			detail(`/xuat/danh-sach-sang-kien/csv?unit=${ownGrassroots}`, true, true),
			figures('/xuat/don-vi-dan-dau/svg'),
			figures('/xuat/ban-do-63/png')
		);
		return rows;
	};

	it('permission matrix: every page, endpoint and export × anonymous and each role (regional at level 1 and at an upper-level union) × own and another unit', async () => {
		const failures: string[] = [];
		let checked = 0;
		for (const row of matrix()) {
			const [path, ...expected] = row;
			for (const [i, who] of ROLES.entries()) {
				const response = await get(path, who);
				const body = Buffer.from(await response.arrayBuffer()).toString('utf8');
				checked++;
				if (response.status !== expected[i]) failures.push(`${who} ${path}: ${response.status}, expected ${expected[i]}`);
				if (response.status === 303 && who === 'anonymous' && !response.headers.get('location')?.startsWith('/dang-nhap')) failures.push(`${who} ${path}: redirected elsewhere`);
				const secrets = who === 'press' || who === 'admin' || who === 'anonymous' ? allSecrets : who === 'regional' ? otherSecrets : who === 'upper' ? upperSecrets : [];
				const leaked = secrets.find((s) => body.includes(s));
				if (leaked) failures.push(`${who} ${path}: leaks "${leaked}"`);
				if (/at \S+ \(|SELECT |duckdb/iu.test(response.status >= 400 ? body : '')) failures.push(`${who} ${path}: error page shows internals`);
			}
		}
		expect(failures).toEqual([]);
		expect(checked).toBeGreaterThanOrEqual(450);
	}, 600_000);

	it('a refusal does not tell whether the record exists: another unit\'s record answers exactly as one that does not exist', async () => {
		const answer = async (path: string, who: Who, id: string) => {
			const response = await get(path, who);
			const body = (await response.text()).replaceAll(id, 'ID').replace(/nonce="[^"]*"|nonce-[\w+/=]+/gu, 'nonce');
			return { status: response.status, body };
		};
		const missingGrassroots = `${OTHER}.99.9999`;
		for (const [who, seen, missing] of [
			['regional', otherId, 'KHONG-CO'], ['upper', siblingId, 'KHONG-CO'], ['upper', otherId, '99999999']
		] as const) {
			expect(await answer(`/sang-kien/${seen}`, who, seen), `${who} /sang-kien/${seen}`).toEqual(await answer(`/sang-kien/${missing}`, who, missing));
		}
		for (const who of ['regional', 'upper'] as const) {
			expect(await answer(`/api/sang-kien/${otherGrassroots}`, who, otherGrassroots)).toEqual(await answer(`/api/sang-kien/${missingGrassroots}`, who, missingGrassroots));
			expect(await answer(`/xuat/danh-sach-sang-kien/csv?unit=${otherGrassroots}`, who, otherGrassroots)).toEqual(await answer(`/xuat/danh-sach-sang-kien/csv?unit=${missingGrassroots}`, who, missingGrassroots));
		}
	});

	it('API tokens: Bearer works for GET like the account, never for writes, and a wrong token is 401', async () => {
		const { createToken } = await import('../src/lib/server/auth/user-admin.ts');
		const { UserStore } = await import('../src/lib/server/auth/user-store.ts');
		const dir = authDirOf(server.warehouse);
		const made = createToken({ users: new UserStore(dir), audit: new AuditLog(dir), actor: 'test' }, 'thanh-hoa', 'test script');
		if (!made.ok) throw new Error(made.error);
		const bearer = { authorization: `Bearer ${made.token}` };
		expect((await fetch(`${server.url}/xuat/tong-so/csv?unit=${OWN}`, { headers: bearer })).status).toBe(200);
		expect((await fetch(`${server.url}/api/sang-kien/${ownGrassroots}`, { headers: bearer })).status).toBe(200);
		expect((await fetch(`${server.url}/api/sang-kien/${otherGrassroots}`, { headers: bearer })).status).toBe(404);
		expect((await fetch(`${server.url}/xuat/tong-so/csv`, { headers: { authorization: `Bearer ${made.token!.slice(0, -2)}xx` } })).status).toBe(401);
		// A token on a write is no identity: the logout form sends it to the login page.
		expect((await fetch(`${server.url}/dang-xuat`, { method: 'POST', redirect: 'manual', headers: { ...bearer, origin: server.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' } })).headers.get('location')).toMatch(/^\/dang-nhap/u);
		const audit = new AuditLog(dir).tail(50);
		expect(audit.some((e) => e.event === 'export' && e.actor === 'thanh-hoa' && e.detail?.via === 'token')).toBe(true);
	});

	it('exports are audited (who, what, filters; a search text by its length only) and the admin sees the audit log', async () => {
		const response = await get(`/xuat/danh-sach-sang-kien/csv?unit=${ownGrassroots}&q=${encodeURIComponent('Nguyễn')}`, 'regional');
		expect(response.status).toBe(200);
		await response.arrayBuffer();
		const entries = new AuditLog(authDirOf(server.warehouse)).tail(200);
		const entry = entries.find((e) => e.event === 'export' && e.actor === 'thanh-hoa' && e.target === '/xuat/danh-sach-sang-kien/csv');
		expect(entry?.detail).toMatchObject({ via: 'session', unit: ownGrassroots, q: '[6 ký tự]' });
		expect(entries.some((e) => e.event === 'login_success' && e.actor === 'cd-cap-tren')).toBe(true);
		expect(JSON.stringify(entries)).not.toContain('Nguyễn');
		const page = await (await get('/quan-tri', 'admin')).text();
		expect(page).toContain('/xuat/danh-sach-sang-kien/csv');
		expect(page).toContain('[6 ký tự]');
		expect(page).toContain('login_success');
		// read by the admin in Vietnamese, in Viet Nam time
		expect(page).toContain('>Đăng nhập</td>');
		expect(page).toContain('>Tải dữ liệu</td>');
		expect(page).toContain('Thời điểm (giờ Việt Nam)');
		// the runs say how they were started
		expect(page).toContain('<th>Cách chạy</th>');
		expect(page).toMatch(/<td>r\d{8}-\d{6}-[0-9a-f]{4}<\/td><td>(Thủ công|Theo lịch|Khi khởi động)<\/td>/u);
	});

	it('admin forms (origin-checked, audited): mint and revoke an API token, disable and enable an account, reset a password — disable and reset end the sessions and tokens', async () => {
		await createTestUser(server.warehouse, 'nguoi-thu', 'regional', OTHER);
		const victim = await loginCookie(server.url, 'nguoi-thu');
		const form = { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' };
		const post = (action: string, fields: Record<string, string>, origin: string | null = server.url, who: Who = 'admin') =>
			fetch(`${server.url}/quan-tri?/${action}`, { method: 'POST', redirect: 'manual', headers: { ...form, cookie: cookies.get(who)!, ...(origin ? { origin } : {}) }, body: new URLSearchParams(fields).toString() });
		const shown = async (response: Response, testid: string) => new RegExp(`data-testid="${testid}"[^>]*>([^<]+)<`, 'u').exec(await response.text())?.[1];
		const bearer = (token: string) => fetch(`${server.url}/xuat/tong-so/csv?unit=${OTHER}`, { headers: { authorization: `Bearer ${token}` } });
		const home = (cookie: string) => fetch(`${server.url}/`, { redirect: 'manual', headers: { cookie } });
		// CSRF: no Origin, a foreign Origin; and a non-admin account: refused before anything changes.
		expect((await post('token', { username: 'nguoi-thu' }, null)).status).toBe(403);
		expect((await post('disable', { username: 'nguoi-thu' }, 'https://evil.example')).status).toBe(403);
		expect((await post('reset', { username: 'nguoi-thu' }, server.url, 'regional')).status).toBe(403);
		expect((await home(victim)).status).toBe(200);
		// Mint (shown once), use, revoke.
		const token = await shown(await post('token', { username: 'nguoi-thu', label: 'báo cáo tuần' }), 'new-token');
		expect(token).toMatch(/^skt_[a-f0-9]{12}_[\w-]{43}$/u);
		expect((await bearer(token!)).status).toBe(200);
		expect((await get('/quan-tri', 'admin').then((r) => r.text())).includes(token!)).toBe(false);
		expect((await post('revoke', { username: 'nguoi-thu', token: token!.split('_')[1]! })).status).toBe(200);
		expect((await bearer(token!)).status).toBe(401);
		// Disable: the session and a live token end, the login is refused; enabling brings neither back.
		const second = await shown(await post('token', { username: 'nguoi-thu' }), 'new-token');
		expect((await bearer(second!)).status).toBe(200);
		expect((await post('disable', { username: 'nguoi-thu' })).status).toBe(200);
		expect((await home(victim)).status).toBe(303);
		expect((await bearer(second!)).status).toBe(401);
		await expect(loginCookie(server.url, 'nguoi-thu')).rejects.toThrow(/failed/u);
		expect((await post('enable', { username: 'nguoi-thu' })).status).toBe(200);
		expect((await bearer(second!)).status).toBe(401);
		// Reset: the session and a token end; the new password (shown once) logs in.
		const fresh = await loginCookie(server.url, 'nguoi-thu');
		const third = await shown(await post('token', { username: 'nguoi-thu' }), 'new-token');
		const password = await shown(await post('reset', { username: 'nguoi-thu' }), 'new-password');
		expect(password).toMatch(/^[\w]{4}-[\w]{4}-[\w]{4}-[\w]{4}$/u);
		expect((await home(fresh)).status).toBe(303);
		expect((await bearer(third!)).status).toBe(401);
		expect((await home(await loginCookie(server.url, 'nguoi-thu', password))).status).toBe(200);
		// Malformed or refused inputs: 400, nothing changes.
		expect((await post('disable', { username: 'quan-tri' })).status).toBe(400);
		expect((await post('revoke', { username: 'nguoi-thu', token: '../../etc/passwd' })).status).toBe(400);
		expect((await post('create', { username: "x'; DROP TABLE users; --", role: 'leadership' })).status).toBe(400);
		expect((await post('create', { username: 'ok-name', role: 'root' })).status).toBe(400);
		expect((await post('create', { username: 'ok-name', role: 'regional', unit: 'T38.07.0153' })).status).toBe(400);
		// Every change is in the audit log the admin sees; no password or token in it.
		const log = new AuditLog(authDirOf(server.warehouse)).tail(100).filter((e) => e.target === 'nguoi-thu' && e.actor === 'quan-tri');
		expect(log.map((e) => e.event).reverse()).toEqual(['token_created', 'token_revoked', 'token_created', 'user_disabled', 'user_enabled', 'token_created', 'password_reset']);
		expect(log.find((e) => e.event === 'user_disabled')?.detail).toEqual({ tokensRevoked: 1, sessionsEnded: 1 });
		const page = await (await get('/quan-tri', 'admin')).text();
		for (const event of ['token_created', 'token_revoked', 'user_disabled', 'user_enabled', 'password_reset']) expect(page).toContain(event);
		for (const label of ['Tạo mã truy cập API', 'Thu hồi mã truy cập API', 'Khoá tài khoản', 'Mở khoá tài khoản', 'Đặt lại mật khẩu']) expect(page).toContain(`>${label}</td>`);
		const audit = readFileSync(join(authDirOf(server.warehouse), 'audit.jsonl'), 'utf8');
		for (const secret of [token!, second!, third!, password!]) expect(audit).not.toContain(secret.slice(-20));
	});

	it('sessions survive a restart (kept hashed in the auth directory); a logged-out session does not come back', async () => {
		const kept = await loginCookie(server.url, 'thanh-hoa');
		const ended = await loginCookie(server.url, 'thanh-hoa');
		const logout = await fetch(`${server.url}/dang-xuat`, { method: 'POST', redirect: 'manual', headers: { cookie: ended, origin: server.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' } });
		expect(logout.status).toBe(303);
		const stored = readFileSync(join(authDirOf(server.warehouse), 'sessions.json'), 'utf8');
		for (const cookie of [kept, ended, cookies.get('leadership')!]) expect(stored).not.toContain(cookie.split('=')[1]!);
		// A second `node build` over the same auth directory is the restarted dashboard.
		const restarted = await startServer(server.warehouse);
		try {
			const at = (cookie: string) => fetch(`${restarted.url}/don-vi/${ownGrassroots}`, { redirect: 'manual', headers: { cookie } });
			expect((await at(kept)).status).toBe(200);
			expect((await at(ended)).status).toBe(303);
			expect((await at('sk_session=forged')).status).toBe(303);
		} finally {
			restarted.child.kill();
		}
	}, 180_000);

	it('attacks: SQL injection in every parameter (path, query, login and admin forms) is answered 4xx or scoped 200, never 500, never a leak', async () => {
		const payloads = ["T38' OR '1'='1", "'; DROP TABLE initiative; --", 'T38") UNION SELECT title, author, phone FROM initiative --', '%27%20OR%201=1--', '../../etc/passwd', '<script>alert(1)</script>'];
		const failures: string[] = [];
		for (const p of payloads) {
			const e = encodeURIComponent(p);
			const paths = [
				`/don-vi/${e}`, `/sang-kien/${e}`, `/tong-ket/${e}`, `/api/sang-kien/${e}`, `/xuat/${e}/csv`, `/xuat/tong-so/${e}`,
				`/don-vi/${ownGrassroots}?q=${e}`, `/don-vi/${ownGrassroots}?sapxep=${e}`, `/don-vi/${ownGrassroots}?trang=${e}`, `/?asOf=${e}`,
				`/xep-hang?metric=${e}`, `/xep-hang?level=${e}`, `/xep-hang?nhom=${e}`, `/xep-hang?nhom=region&ma=${e}`, `/xep-hang?tu=${e}`,
				`/bao-chi?unit=${e}`, `/bao-chi?so=${e}`, `/vung-cum?by=${e}`, `/?ngay=${e}&gio=${e}`, `/?ngay=2022-04-20&gio=${e}`, `/?lang=${e}`, `/tong-ket/${OWN}?asOf=${e}`,
				`/api/sang-kien/${ownGrassroots}?q=${e}&sapxep=${e}&asOf=${e}`, `/dang-nhap?sau=${e}`,
				...Object.keys(DATASETS).map((id) => `/xuat/${id}/csv?${DATASET_PARAMS.map((key) => `${key}=${e}`).join('&')}&asOf=${e}`),
				...Object.keys(DATASETS).map((id) => `/xuat/${id}/csv?unit=${ownGrassroots}&${DATASET_PARAMS.filter((key) => key !== 'unit').map((key) => `${key}=${e}`).join('&')}`)
			];
			for (const who of ['regional', 'upper'] as const) {
				const secrets = who === 'regional' ? otherSecrets : upperSecrets;
				for (const path of paths) {
					const response = await get(path, who);
					const body = await response.text();
					if (response.status >= 500) failures.push(`${who} ${path}: ${response.status}`);
					const leaked = secrets.find((s) => body.includes(s));
					if (leaked) failures.push(`${who} ${path}: leaks "${leaked}"`);
					// Markup is only dangerous where a browser renders it: HTML pages. A download may echo its filters (a CSV's
					// header rows), as long as it is never sniffed as HTML.
					const html = (response.headers.get('content-type') ?? '').includes('html');
					if (html && body.includes('<script>alert(1)</script>')) failures.push(`${who} ${path}: reflects markup`);
					if (!html && response.headers.get('x-content-type-options') !== 'nosniff') failures.push(`${who} ${path}: may be sniffed`);
				}
			}
			// Forms: the login form and the admin's account forms take the payload in every field.
			const form = { origin: server.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' };
			const login = await fetch(`${server.url}/dang-nhap`, { method: 'POST', redirect: 'manual', headers: form, body: new URLSearchParams({ username: p, password: p, sau: p }).toString() });
			if (login.status !== 400) failures.push(`login form: ${login.status}`);
			for (const action of ['create', 'disable', 'enable', 'reset', 'token', 'revoke']) {
				const response = await get(`/quan-tri?/${action}`, 'admin', { method: 'POST', headers: form, body: new URLSearchParams({ username: p, role: p, unit: p, label: p, token: p }).toString() });
				if (response.status !== 400) failures.push(`admin ${action}: ${response.status}`);
				if ((await response.text()).includes('<script>alert(1)</script>')) failures.push(`admin ${action}: reflects markup`);
			}
		}
		expect(failures).toEqual([]);
		const { UserStore } = await import('../src/lib/server/auth/user-store.ts');
		expect(new UserStore(authDirOf(server.warehouse)).read().users.every((u) => /^[a-z0-9][a-z0-9._-]+$/u.test(u.username))).toBe(true);
		const tables = await server.db.selectFrom('initiative').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
		expect(Number(tables.n)).toBeGreaterThan(0);
	}, 300_000);

	it('attacks: oversized and malformed parameters answer 4xx (or the default) without a 500', async () => {
		const huge = 'x'.repeat(20_000);
		for (const path of [`/don-vi/${huge}`, `/?asOf=${huge}`, `/don-vi/${ownGrassroots}?q=${huge}`, `/xuat/tong-so/csv?unit=${huge}`, '/don-vi/%E0%A4%A', `/xep-hang?level=1&level=3`, '/?asOf=31/02/2022', `/dang-nhap?sau=${huge}`]) {
			const response = await get(path, 'leadership');
			expect(response.status, path).toBeLessThan(500);
		}
		const login = await fetch(`${server.url}/dang-nhap`, { method: 'POST', redirect: 'manual', headers: { origin: server.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, body: `username=${huge}&password=${huge}` });
		expect(login.status).toBe(400);
	});

	it('attacks: CSRF — a form post without or with a foreign Origin is refused (403)', async () => {
		const form = { 'content-type': 'application/x-www-form-urlencoded' };
		expect((await get('/dang-nhap', 'anonymous', { method: 'POST', headers: { ...form, origin: 'https://evil.example' }, body: 'username=thanh-hoa&password=x' })).status).toBe(403);
		expect((await get('/quan-tri?/create', 'admin', { method: 'POST', headers: { ...form, origin: 'https://evil.example' }, body: 'username=evil&role=leadership' })).status).toBe(403);
		expect((await get('/quan-tri?/create', 'admin', { method: 'POST', headers: form, body: 'username=evil&role=leadership' })).status).toBe(403);
		expect((await get('/dang-xuat', 'regional', { method: 'POST', headers: { ...form, origin: 'https://evil.example' } })).status).toBe(403);
		expect((await get('/', 'regional')).status).toBe(200);
	});

	it('attacks: session fixation — a session id brought to the login page is never kept; logout ends the session server-side', async () => {
		const planted = 'sk_session=attacker-chosen-id-0000000000000000000000000';
		const response = await fetch(`${server.url}/dang-nhap`, { method: 'POST', redirect: 'manual', headers: { cookie: planted, origin: server.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ username: 'thanh-hoa', password: TEST_PASSWORD }).toString() });
		const issued = /sk_session=[^;]+/u.exec(response.headers.get('set-cookie') ?? '')?.[0];
		expect(issued).toBeDefined();
		expect(issued).not.toBe(planted);
		expect(response.headers.get('set-cookie')).toMatch(/HttpOnly/iu);
		expect(response.headers.get('set-cookie')).toMatch(/SameSite=Lax/iu);
		expect((await fetch(`${server.url}/`, { redirect: 'manual', headers: { cookie: planted } })).status).toBe(303);
		const before = await loginCookie(server.url, 'thanh-hoa');
		const again = await loginCookie(server.url, 'thanh-hoa');
		expect(again).not.toBe(before);
		expect((await fetch(`${server.url}/dang-xuat`, { method: 'POST', redirect: 'manual', headers: { cookie: again, origin: server.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(303);
		expect((await fetch(`${server.url}/`, { redirect: 'manual', headers: { cookie: again } })).status).toBe(303);
		expect((await fetch(`${server.url}/`, { redirect: 'manual', headers: { cookie: before } })).status).toBe(200);
	});

	it('attacks: brute force — after 5 wrong passwords the account is locked (429) even for the right one; the audit log has no password', async () => {
		await createTestUser(server.warehouse, 'muc-tieu', 'press');
		const attempt = (password: string) =>
			fetch(`${server.url}/dang-nhap`, { method: 'POST', redirect: 'manual', headers: { origin: server.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ username: 'muc-tieu', password }).toString() });
		const statuses = [];
		for (let i = 0; i < 6; i++) statuses.push((await attempt(`wrong-guess-${i}`)).status);
		expect(statuses.slice(0, 4)).toEqual([400, 400, 400, 400]);
		expect(statuses.slice(4)).toEqual([429, 429]);
		const locked = await attempt(TEST_PASSWORD);
		expect(locked.status).toBe(429);
		expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
		const text = JSON.stringify(new AuditLog(authDirOf(server.warehouse)).tail(1000));
		expect(text).toContain('login_failure');
		expect(text).toContain('login_locked');
		expect(text).not.toContain('wrong-guess');
		expect(text).not.toContain(TEST_PASSWORD);
	});

	it('attacks: path traversal in download names and CSV formula injection in exported titles are neutralised', async () => {
		const response = await get(`/xuat/danh-sach-sang-kien/csv?unit=${ownGrassroots}&q=${encodeURIComponent('=cmd|../../x')}`, 'regional');
		expect(response.status).toBe(200);
		const disposition = response.headers.get('content-disposition') ?? '';
		expect(disposition).not.toMatch(/\.\.|[/\\]/u);
		expect(disposition).toMatch(/filename="[\w.-]+"/u);
		const traversal = await get('/xuat/..%2F..%2Fpackage.json/csv', 'leadership');
		expect(traversal.status).toBe(404);
		// Any cell starting = + - @ is written with a leading apostrophe.
		const csv = await (await get(`/xuat/danh-sach-sang-kien/csv?unit=${ownGrassroots}`, 'regional')).text();
		for (const line of csv.split('\r\n')) for (const cell of line.split(',')) expect(cell.replace(/^"/u, '')).not.toMatch(/^[=+@]/u);
		const { csvBuffer } = await import('../src/lib/exports/csv-export.ts');
		const injected = csvBuffer({ columns: [{ key: 'title', label: 'Tên', kind: 'text' }], rows: [{ title: '=HYPERLINK("http://evil","x")' }] }, { language: 'vi', title: 't', definition: 'd', asOf: '2022-04-20T08:00:00', filters: [], warehouseVersion: 'v', source: 's' }).toString('utf8');
		expect(injected).toContain(`'=HYPERLINK`);
	});

	it('security headers and CSP on pages; no cache of signed-in pages', async () => {
		const response = await get('/', 'leadership');
		const h = response.headers;
		expect(h.get('content-security-policy')).toMatch(/frame-ancestors 'none'/u);
		expect(h.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-/u);
		expect(h.get('x-content-type-options')).toBe('nosniff');
		expect(h.get('referrer-policy')).toBe('same-origin');
		expect(h.get('permissions-policy')).toContain('camera=()');
		expect(h.get('cache-control')).toContain('no-store');
		const login = await get('/dang-nhap', 'anonymous');
		expect(login.status).toBe(200);
		expect(await login.text()).not.toContain('footer-version');
	});

	describe.skipIf(!existsSync(CHROMIUM))('in Chromium', () => {
		let browser: Browser;
		beforeAll(async () => {
			browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
		});
		afterAll(async () => browser?.close());

		it('keeps what was typed into the login form before the page script ran, and logs in with it', async () => {
			const context = await browser.newContext();
			const page = await context.newPage();
			// Hold every script until the form is filled: hydration then runs on a form the user already typed in.
			let releaseScripts!: () => void;
			const scriptsHeld = new Promise<void>((resolve) => (releaseScripts = resolve));
			await page.route('**/_app/**/*.js', async (route) => {
				await scriptsHeld;
				await route.continue();
			});
			await page.goto(`${server.url}/dang-nhap`, { waitUntil: 'domcontentloaded' });
			expect(await page.locator('html[data-hydrated]').count()).toBe(0);
			await page.fill('#username', 'thanh-hoa');
			await page.fill('#password', TEST_PASSWORD);
			releaseScripts();
			await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
			expect(await page.inputValue('#username')).toBe('thanh-hoa');
			expect(await page.inputValue('#password')).toBe(TEST_PASSWORD);
			await page.click('button[type="submit"]');
			await page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'));
			expect(await page.getByTestId('signed-in-as').textContent()).toContain(OWN);
			await context.close();
		});

		it("a regional union logs in, drills into its own grassroots union's initiatives, and is refused another province's", async () => {
			const context = await browser.newContext();
			const page = await context.newPage();
			await page.goto(`${server.url}/don-vi/${ownGrassroots}`);
			await page.waitForURL(/\/dang-nhap/u);
			await page.fill('#username', 'thanh-hoa');
			await page.fill('#password', 'not the password');
			await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click('button[type="submit"]')]);
			await page.getByTestId('login-error').waitFor();
			await page.fill('#username', 'thanh-hoa');
			await page.fill('#password', TEST_PASSWORD);
			await page.click('button[type="submit"]');
			await page.waitForURL(`**/don-vi/${ownGrassroots}`);
			expect(await page.getByTestId('signed-in-as').textContent()).toContain(OWN);
			const rows = page.locator('[data-testid="initiative-list"] tbody tr');
			expect(await rows.count()).toBeGreaterThan(0);
			const id = (await rows.first().locator('a').textContent())!.trim();
			await rows.first().locator('a').click();
			await page.waitForURL(`**/sang-kien/${id}`);
			expect(await page.getByTestId('initiative-title').textContent()).toBeTruthy();
			// Another province's grassroots union: figures only, no list; its initiative: 404.
			await page.goto(`${server.url}/don-vi/${otherGrassroots}`);
			expect(await page.locator('[data-testid="initiative-list"]').count()).toBe(0);
			const html = await page.content();
			expect(otherSecrets.find((s) => html.includes(s))).toBeUndefined();
			const refused = await page.goto(`${server.url}/sang-kien/${otherId}`);
			expect(refused?.status()).toBe(404);
			// Logout ends it: the next page asks for a login again.
			await page.goto(`${server.url}/`);
			await page.getByRole('button', { name: 'Đăng xuất' }).click();
			await page.waitForURL(/\/dang-nhap/u);
			await page.goto(`${server.url}/don-vi/${ownGrassroots}`);
			await page.waitForURL(/\/dang-nhap/u);
			await context.close();
			const logged = await contextWithCookie(browser, server.url, cookies.get('press')!);
			const pressPage = await logged.newPage();
			expect((await pressPage.goto(`${server.url}/sang-kien/${ownId}`))?.status()).toBe(403);
			await logged.close();
		});

		it('an upper-level union logs in, sees its own grassroots union\'s initiatives, and only figures of its sibling upper-level union in the same province', async () => {
			const context = await browser.newContext();
			const page = await context.newPage();
			await page.goto(`${server.url}/don-vi/${ownGrassroots}`);
			await page.waitForURL(/\/dang-nhap/u);
			await page.fill('#username', 'cd-cap-tren');
			await page.fill('#password', TEST_PASSWORD);
			await page.click('button[type="submit"]');
			await page.waitForURL(`**/don-vi/${ownGrassroots}`);
			expect(await page.getByTestId('signed-in-as').textContent()).toContain(ownUpper);
			const rows = page.locator('[data-testid="initiative-list"] tbody tr');
			expect(await rows.count()).toBeGreaterThan(0);
			await rows.first().locator('a').click();
			await page.waitForURL(/\/sang-kien\//u);
			expect(await page.getByTestId('initiative-title').textContent()).toBeTruthy();
			// The sibling upper-level union's grassroots union (same province): figures, no list; its initiative: 404.
			const sibling = await page.goto(`${server.url}/don-vi/${siblingGrassroots}`);
			expect(sibling?.status()).toBe(200);
			expect(await page.locator('[data-testid="initiative-list"]').count()).toBe(0);
			const html = await page.content();
			expect(upperSecrets.find((s) => html.includes(s))).toBeUndefined();
			expect((await page.goto(`${server.url}/sang-kien/${siblingId}`))?.status()).toBe(404);
			await context.close();
		});
	});
});
