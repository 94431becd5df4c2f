// Test harness for the browser tests: a warehouse built from the scale-0.01 simulated portal by the real pipeline, the app built once (npm run build) and served by `node build` on a free loopback port, with test accounts and logged-in sessions.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Kysely } from 'kysely';
import { resolveConfig } from '../../pipelines/config/pipeline-config.ts';
import { defaultStages } from '../../pipelines/run/default-stages.ts';
import { runPipeline } from '../../pipelines/run/run-pipeline.ts';
import { ensureSimulatedExports, withProcessLock } from '../../pipelines/simulated-portal/simulated-exports-cache.ts';
import { dashboardBuildState } from '../../pipelines/start/dashboard-build.ts';
import type { Database } from '../../warehouse/duckdb/database.ts';
import { DuckDBDialect } from '../../warehouse/duckdb/duckdb-dialect.ts';
import type { WarehouseSchema } from '../../warehouse/tables.ts';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { AuditLog } from '../src/lib/server/auth/audit-log.ts';
import { UserStore } from '../src/lib/server/auth/user-store.ts';
import { createAccount } from '../src/lib/server/auth/user-admin.ts';
import { openPublished } from '../../warehouse/versions/version-files.ts';

export const repository = resolve(import.meta.dirname, '../..');
export const screenshots = join(repository, 'var', 'screenshots');

export interface DashboardServer {
	url: string;
	warehouse: string;
	/** What the server printed so far (stdout and stderr). */
	log(): string;
	db: Kysely<WarehouseSchema>;
	/** The session cookie of the leadership test account (`name=value`). */
	cookie: string;
	/** A browser context / page logged in as leadership. */
	newContext(browser: Browser, options?: BrowserContextOptions): Promise<BrowserContext>;
	newPage(browser: Browser, options?: BrowserContextOptions): Promise<Page>;
	/** fetch with the leadership session. */
	fetch(url: string, init?: RequestInit): Promise<Response>;
	close(): Promise<void>;
}

export const TEST_PASSWORD = 'test-password-2022';

/** The auth directory the server of a warehouse uses (auth/ beside it). */
export const authDirOf = (warehouse: string) => join(resolve(warehouse, '..'), 'auth');

/** Creates an account with TEST_PASSWORD in the server's auth directory (the server reloads the users file). */
export async function createTestUser(warehouse: string, username: string, role: string, unitCode?: string): Promise<void> {
	const dir = authDirOf(warehouse);
	const result = await createAccount({ users: new UserStore(dir), audit: new AuditLog(dir), actor: 'test' }, { username, role, unitCode, password: TEST_PASSWORD });
	if (!result.ok) throw new Error(result.error);
}

/** Logs in through the login form (with the Origin header a browser sends) and returns the session cookie `sk_session=…`. */
export async function loginCookie(url: string, username: string, password = TEST_PASSWORD): Promise<string> {
	const response = await fetch(`${url}/dang-nhap`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ username, password }).toString()
	});
	const cookie = /sk_session=[^;]+/u.exec(response.headers.get('set-cookie') ?? '')?.[0];
	if (!cookie) throw new Error(`login of ${username} failed: ${response.status}`);
	return cookie;
}

/** A browser context carrying a session cookie. */
export async function contextWithCookie(browser: Browser, url: string, cookie: string, options: BrowserContextOptions = {}): Promise<BrowserContext> {
	const context = await browser.newContext(options);
	const [name, value] = cookie.split('=') as [string, string];
	await context.addCookies([{ name, value, url }]);
	return context;
}

/** A free loopback port. */
async function freePort(): Promise<number> {
	return new Promise((done, fail) => {
		const server = createServer();
		server.once('error', fail);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => done(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

/** Builds the warehouse (real pipeline on the simulated exports) into a fresh directory. */
export async function buildWarehouse(options: { scale: number; dirty?: number }): Promise<string> {
	const exports = ensureSimulatedExports({ scale: options.scale, dirty: options.dirty });
	const dir = mkdtempSync(join(tmpdir(), 'sk-browser-'));
	const resolved = resolveConfig({ file: undefined, fileLabel: 'browser-tests', fileDir: dir, env: {}, cwd: dir, cli: { sources: [exports], warehouse: join(dir, 'warehouse') } });
	if (!resolved.ok) throw new Error(resolved.errors.join('; '));
	const record = await runPipeline(resolved.config, { stages: defaultStages, trigger: 'manual' });
	if (record.status !== 'published') throw new Error(`pipeline: ${record.status} ${record.error?.message ?? ''}`);
	return join(dir, 'warehouse');
}

/**
 * `npm run build` when build/ is missing or older than its sources (SANG_KIEN_SKIP_BUILD=1 reuses build/ as it is).
 * Test files run in parallel workers: one builds under a lock, the others wait and reuse it, so build/ is never
 * replaced under a running server.
 */
export async function buildApp(): Promise<void> {
	if (process.env.SANG_KIEN_SKIP_BUILD === '1') return;
	if (!(await dashboardBuildState(repository)).stale) return;
	mkdirSync(join(repository, 'var', 'cache'), { recursive: true });
	const entry = join(repository, 'build', 'index.js');
	const builtBefore = existsSync(entry) ? statSync(entry).mtimeMs : undefined;
	const failure = withProcessLock(join(repository, 'var', 'cache', 'app-build.lock'), () => {
		const builtNow = existsSync(entry) ? statSync(entry).mtimeMs : undefined;
		if (builtNow !== builtBefore) return undefined; // another worker built it while this one waited
		// NODE_ENV=production: run from Vitest (NODE_ENV=test) the build would otherwise bundle Svelte's development runtime
		// (client JS 46 -> 55 KB gzip, slower server rendering), and the page benchmark reuses a fresh build.
		const run = spawnSync('npm', ['run', 'build'], { cwd: repository, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NODE_ENV: 'production' } });
		return run.status === 0 ? undefined : (run.stderr || run.stdout).slice(-3000);
	});
	if (failure !== undefined) throw new Error(`npm run build failed: ${failure}`);
}

/** Starts `node build` against a warehouse and waits until it answers. */
export async function startServer(warehouse: string): Promise<{ url: string; child: ChildProcess; log: () => string }> {
	const port = await freePort();
	const child = spawn(process.execPath, ['build'], {
		cwd: repository,
		env: { ...process.env, SANG_KIEN_WAREHOUSE: warehouse, PORT: String(port), HOST: '127.0.0.1', ORIGIN: `http://127.0.0.1:${port}` },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let log = '';
	child.stdout?.on('data', (chunk) => (log += chunk));
	child.stderr?.on('data', (chunk) => (log += chunk));
	const url = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 450; i++) {
		try {
			const response = await fetch(`${url}/chat-luong`);
			if (response.status < 500) return { url, child, log: () => log };
		} catch {
			// not listening yet
		}
		if (child.exitCode !== null) throw new Error(`node build exited: ${log.slice(-2000)}`);
		await new Promise((r) => setTimeout(r, 200));
	}
	child.kill();
	throw new Error(`node build did not answer: ${log.slice(-2000)}`);
}

/** Warehouse, build, server and a read-only handle on the same published version for expected figures. */
export async function startDashboard(options: { scale: number; dirty?: number }): Promise<DashboardServer> {
	mkdirSync(screenshots, { recursive: true });
	const warehouse = await buildWarehouse(options);
	await buildApp();
	const { url, child, log } = await startServer(warehouse);
	await createTestUser(warehouse, 'lanh-dao', 'leadership');
	const cookie = await loginCookie(url, 'lanh-dao');
	const opened = await openPublished(warehouse);
	const database: Database = opened!.database;
	const db = new Kysely<WarehouseSchema>({ dialect: new DuckDBDialect({ database }) });
	return {
		url,
		warehouse,
		log,
		db,
		cookie,
		newContext: (browser, options) => contextWithCookie(browser, url, cookie, options),
		newPage: async (browser, options) => (await contextWithCookie(browser, url, cookie, options)).newPage(),
		fetch: (target, init) => fetch(target, { ...init, headers: { ...(init?.headers as Record<string, string> | undefined), cookie } }),
		async close() {
			child.kill();
			await db.destroy();
			database.close();
			rmSync(resolve(warehouse, '..'), { recursive: true, force: true });
		}
	};
}
