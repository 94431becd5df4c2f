// Benchmarks the dashboard: server render time of each page (p50/p95 over repeated requests against `node build`, logged in as leadership) and the JavaScript each page ships (gzip), on a simulated warehouse (scale from SANG_KIEN_PAGE_BENCH_SCALE, default 1) or the one in SANG_KIEN_PAGE_BENCH_WAREHOUSE; SANG_KIEN_PAGE_BENCH_ONLY keeps the pages whose name contains it.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildApp, loginCookie, repository, TEST_PASSWORD } from '../../dashboard/browser-tests/dashboard-server.ts';
import { AuditLog } from '../../dashboard/src/lib/server/auth/audit-log.ts';
import { createAccount } from '../../dashboard/src/lib/server/auth/user-admin.ts';
import { UserStore } from '../../dashboard/src/lib/server/auth/user-store.ts';
import { ensureSimulatedWarehouse } from '../../queries/bench/simulated-warehouse.ts';
import { rankings } from '../../queries/rankings.ts';
import { targets } from '../../queries/targets.ts';
import { LEADERSHIP } from '../../queries/viewer.ts';
import { openPublished } from '../../warehouse/versions/version-files.ts';
import { Kysely } from 'kysely';
import { DuckDBDialect } from '../../warehouse/duckdb/duckdb-dialect.ts';
import type { WarehouseSchema } from '../../warehouse/tables.ts';
import type { Benchmark, BenchResult } from './benchmarks.ts';

const REPEATS = Number(process.env.SANG_KIEN_PAGE_BENCH_REPEATS ?? 20);

/** Quantile (nearest rank) of sorted values. */
function nearestRank(sorted: number[], q: number): number {
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Pages to time: each kind once, a unit of every level, as of the latest export and as of 20/04/2022 08:00. */
async function pagePaths(warehouse: string): Promise<[string, string][]> {
	const opened = await openPublished(warehouse);
	const db = new Kysely<WarehouseSchema>({ dialect: new DuckDBDialect({ database: opened!.database }) });
	try {
		const level1 = (await rankings(db, { viewer: LEADERSHIP, level: 1 })).rows[0]!.code;
		const upper = (await targets(db, { viewer: LEADERSHIP, unit: level1 })).subUnits.rows.sort((a, b) => b.valid - a.valid)[0]!.code;
		const grassroots = (await targets(db, { viewer: LEADERSHIP, unit: upper })).subUnits.rows.sort((a, b) => b.onPortal - a.onPortal)[0]!.code;
		const initiative = (await db.selectFrom('initiative').select('initiative_id').where('grassroots_code', '=', grassroots).limit(1).executeTakeFirst())?.initiative_id;
		return [
			['overview', '/'],
			['overview as of 20/04/2022', '/?asOf=2022-04-20T08:00'],
			['overview in English', '/?lang=en'],
			['unit: nation', '/don-vi/VN'],
			[`unit: level 1 (${level1})`, `/don-vi/${level1}`],
			[`unit: level 1 as of 20/04/2022`, `/don-vi/${level1}?asOf=2022-04-20T08:00`],
			['unit: upper-level', `/don-vi/${upper}`],
			['unit: grassroots + list', `/don-vi/${grassroots}`],
			['initiative', `/sang-kien/${initiative}`],
			['rankings level 2', '/xep-hang?level=2&metric=attainment'],
			['regions and clusters', '/vung-cum'],
			['closing review (nation)', '/tong-ket'],
			[`closing review (${level1})`, `/tong-ket/${level1}`],
			['press room', '/bao-chi'],
			['data health', '/chat-luong']
		];
	} finally {
		await db.destroy();
		opened!.database.close();
	}
}

/**
 * The JavaScript a page loads on hydration, gzip: SvelteKit's start and app entries, the route nodes named in the page's
 * node_ids, and every module they import statically (lazy imports of other routes are not counted).
 */
async function shippedJsKb(url: string, path: string, cookie: string): Promise<number> {
	const pageUrl = `${url}${path}`;
	const html = await (await fetch(pageUrl, { headers: { cookie } })).text();
	const entries = [...html.matchAll(/import\("([^"]+\.js)"\)/gu)].map((m) => new URL(m[1]!, pageUrl).href);
	const nodeIds = /node_ids:\s*\[([\d,\s]*)\]/u.exec(html)?.[1]?.split(',').map((x) => x.trim()).filter(Boolean) ?? [];
	const seen = new Map<string, string>();
	const visit = async (script: string): Promise<string> => {
		if (seen.has(script)) return seen.get(script)!;
		const text = await (await fetch(script)).text();
		seen.set(script, text);
		for (const m of text.matchAll(/(?:from|import)\s*["']([^"']+\.js)["']/gu)) await visit(new URL(m[1]!, script).href);
		return text;
	};
	for (const entry of entries) {
		const text = await visit(entry);
		for (const id of nodeIds) {
			const node = new RegExp(`["']([^"']*nodes/${id}\\.[^"']+\\.js)["']`, 'u').exec(text)?.[1];
			if (node) await visit(new URL(node, entry).href);
		}
	}
	const bytes = [...seen.values()].reduce((sum, text) => sum + gzipSync(Buffer.from(text), { level: 9 }).byteLength, 0);
	return Math.round(bytes / 102.4) / 10;
}

/** CPU milliseconds a process has used so far (user + system, from /proc; 0 where there is no /proc). */
function processCpuMs(pid: number): number {
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
		return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
	} catch {
		return 0;
	}
}

/**
 * Waits until the server is idle (under 10% of a core over 0.5 s, at most 60 s): work a first request started in the
 * background (a version's in-memory search index, built once) is not counted in the times of the requests after it.
 */
async function serverIdle(pid: number | undefined): Promise<void> {
	if (pid === undefined) return;
	for (let waited = 0; waited < 60_000; waited += 500) {
		const before = processCpuMs(pid);
		await new Promise((r) => setTimeout(r, 500));
		if (processCpuMs(pid) - before < 50) return;
	}
}

/**
 * The first request's time (nothing of this page computed yet), then p50/p95 of REPEATS requests after 2 warm-up requests
 * and once the server is idle; `cpu` is the server's CPU milliseconds per timed request (all its threads: DuckDB and JavaScript).
 */
async function timePage(url: string, path: string, cookie: string, pid: number | undefined): Promise<{ status: number; first: number; p50: number; p95: number; cpu: number }> {
	const times: number[] = [];
	let status = 0;
	let first = 0;
	let cpuFrom = 0;
	for (let i = 0; i < REPEATS + 2; i++) {
		if (i === 2) {
			await serverIdle(pid);
			cpuFrom = pid === undefined ? 0 : processCpuMs(pid);
		}
		const started = performance.now();
		const response = await fetch(`${url}${path}`, { headers: { cookie }, redirect: 'manual' });
		await response.arrayBuffer();
		if (i === 0) first = Math.round(performance.now() - started);
		status = response.status;
		if (i >= 2) times.push(performance.now() - started);
	}
	const cpu = pid === undefined ? 0 : Math.round((processCpuMs(pid) - cpuFrom) / REPEATS);
	times.sort((a, b) => a - b);
	return { status, first, p50: Math.round(nearestRank(times, 0.5)), p95: Math.round(nearestRank(times, 0.95)), cpu };
}

/**
 * Starts `node <build>` against a warehouse on a free port and waits until it answers. The bench serves its own copy of
 * build/ (under var/cache/, so node_modules resolves): another run rebuilding build/ must not pull files from under it.
 */
async function startPrivateServer(build: string, warehouse: string): Promise<{ url: string; child: ChildProcess }> {
	const port = 20000 + Math.floor(Math.random() * 20000);
	const child = spawn(process.execPath, [build], {
		cwd: repository,
		env: { ...process.env, SANG_KIEN_WAREHOUSE: warehouse, PORT: String(port), HOST: '127.0.0.1', ORIGIN: `http://127.0.0.1:${port}` },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let log = '';
	child.stdout?.on('data', (chunk) => (log += chunk));
	child.stderr?.on('data', (chunk) => (log = (log + chunk).slice(-4000)));
	const url = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 600; i++) {
		try {
			if ((await fetch(`${url}/dang-nhap`)).status < 500) return { url, child };
		} catch {
			// not listening yet
		}
		if (child.exitCode !== null) throw new Error(`node build exited: ${log.slice(-2000)}`);
		await new Promise((r) => setTimeout(r, 200));
	}
	child.kill();
	throw new Error(`node build did not answer: ${log.slice(-2000)}`);
}

/** The warehouse to read: SANG_KIEN_PAGE_BENCH_WAREHOUSE as it is (never built here), else the simulated one of the scale. */
function benchWarehouse(scale: number): string {
	const given = process.env.SANG_KIEN_PAGE_BENCH_WAREHOUSE?.trim();
	if (!given) return ensureSimulatedWarehouse({ scale });
	const warehouse = resolve(given);
	if (!existsSync(join(warehouse, 'CURRENT'))) throw new Error(`SANG_KIEN_PAGE_BENCH_WAREHOUSE: no published version in ${warehouse}`);
	return warehouse;
}

/**
 * Each page rendered with every cache off (SANG_KIEN_PAGE_CACHE=0: each request runs its queries and charts; identical
 * reads within one request still run once) and on (pages and query results of a published version reused). Accounts
 * live in a temporary auth directory; the server's per-page timing lines are echoed when SANG_KIEN_PAGE_TIMING=1.
 */
async function run(scale: number): Promise<BenchResult[]> {
	const warehouse = benchWarehouse(scale);
	await buildApp();
	const only = process.env.SANG_KIEN_PAGE_BENCH_ONLY?.trim();
	const paths = (await pagePaths(warehouse)).filter(([name]) => !only || name.includes(only));
	mkdirSync(join(repository, 'var', 'cache'), { recursive: true });
	const build = mkdtempSync(join(repository, 'var', 'cache', 'page-bench-build-'));
	cpSync(join(repository, 'build'), build, { recursive: true });
	const auth = mkdtempSync(join(tmpdir(), 'sk-page-bench-auth-'));
	const saved = { cache: process.env.SANG_KIEN_PAGE_CACHE, auth: process.env.SANG_KIEN_AUTH_DIR };
	process.env.SANG_KIEN_AUTH_DIR = auth;
	const created = await createAccount({ users: new UserStore(auth), audit: new AuditLog(auth), actor: 'page-bench' }, { username: 'lanh-dao', role: 'leadership', password: TEST_PASSWORD });
	if (!created.ok) throw new Error(created.error);
	const measured = new Map<string, BenchResult['values']>();
	try {
		for (const cache of ['0', '1']) {
			process.env.SANG_KIEN_PAGE_CACHE = cache;
			const { url, child } = await startPrivateServer(build, warehouse);
			if (process.env.SANG_KIEN_PAGE_TIMING === '1') child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
			try {
				const cookie = await loginCookie(url, 'lanh-dao');
				for (const [name, path] of paths) {
					const t = await timePage(url, path, cookie, child.pid);
					const values = measured.get(name) ?? { status: t.status };
					if (t.status !== 200) values.status = t.status;
					if (cache === '0') Object.assign(values, { 'uncached first ms': t.first, 'uncached p50 ms': t.p50, 'uncached p95 ms': t.p95, 'uncached CPU ms': t.cpu, 'JS KB gzip': await shippedJsKb(url, path, cookie) });
					else Object.assign(values, { 'cached first ms': t.first, 'cached p50 ms': t.p50, 'cached p95 ms': t.p95 });
					measured.set(name, values);
				}
			} finally {
				child.kill();
			}
		}
	} finally {
		for (const [key, value] of [['SANG_KIEN_PAGE_CACHE', saved.cache], ['SANG_KIEN_AUTH_DIR', saved.auth]] as const) {
			if (value === undefined) delete process.env[key];
			else process.env[key] = value;
		}
		rmSync(auth, { recursive: true, force: true });
		rmSync(build, { recursive: true, force: true });
	}
	const label = process.env.SANG_KIEN_PAGE_BENCH_WAREHOUSE?.trim() ? basename(warehouse) : `scale ${scale}`;
	return paths.map(([name]) => ({ case: `${label} ${name}`, values: measured.get(name)! }));
}

export const pageBenchmarks: Benchmark[] = [
	{
		name: 'pages',
		description: 'dashboard page render p50/p95 (node build) and JavaScript shipped per page, gzip',
		run: () => run(Number(process.env.SANG_KIEN_PAGE_BENCH_SCALE ?? 1))
	}
];
