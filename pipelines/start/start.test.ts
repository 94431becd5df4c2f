// End to end: `npm start` at a tiny scale in a child process — first start builds and serves, a second reuses, a busy port fails with its code.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPOSITORY } from './child-processes.ts';
import { START_EXIT } from './start-errors.ts';

const root = mkdtempSync(join(tmpdir(), 'sang-kien-start-'));
const exportsDir = join(root, 'demo', 'exports');
const warehouse = join(root, 'warehouse');
/** The shared build/ is served as it is when present (rebuilding it would disturb other users of the checkout). */
const haveBuild = existsSync(join(REPOSITORY, 'build', 'index.js'));

async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	await new Promise((resolve) => server.close(resolve));
	return port;
}

interface Started {
	child: ChildProcess;
	output: () => string;
	exit: Promise<number | null>;
}

function start(port: number, extra: Record<string, string> = {}): Started {
	const env: Record<string, string | undefined> = {
		...process.env,
		SANG_KIEN_DEMO_SCALE: '0.005',
		SANG_KIEN_SOURCE: exportsDir,
		SANG_KIEN_WAREHOUSE: warehouse,
		PORT: String(port),
		HOST: '127.0.0.1',
		SANG_KIEN_SKIP_DASHBOARD_BUILD: haveBuild ? '1' : undefined,
		SANG_KIEN_PORTAL_TOKEN: undefined,
		...extra
	};
	const child = spawn(process.execPath, ['--import', 'tsx', join(REPOSITORY, 'pipelines/start/start-cli.ts')], {
		cwd: REPOSITORY,
		env: env as NodeJS.ProcessEnv,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let text = '';
	child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
	child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
	const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	return { child, output: () => text, exit };
}

/** Resolves with the dashboard URL of the ready line; rejects if the process exits first. */
async function ready(started: Started, timeoutMs: number): Promise<string> {
	const deadline = Date.now() + timeoutMs;
	let exited = false;
	void started.exit.then(() => (exited = true));
	while (Date.now() < deadline) {
		const match = /^ready: dashboard (\S+)/mu.exec(started.output());
		if (match) return match[1]!;
		if (exited) throw new Error(`start exited before ready:\n${started.output()}`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	started.child.kill('SIGTERM');
	setTimeout(() => started.child.kill('SIGKILL'), 20_000).unref();
	throw new Error(`no ready line within ${timeoutMs} ms:\n${started.output()}`);
}

/** The home page's HTML: directly, or (once the dashboard has logins) after logging in with an account the start printed. */
async function homePage(url: string, output: string): Promise<{ status: number; html: string }> {
	const first = await fetch(url, { redirect: 'manual' });
	if (first.status !== 303) return { status: first.status, html: await first.text() };
	await first.body?.cancel();
	const password = /^\s+lanh-dao\s+(\S+)/mu.exec(output)?.[1];
	if (!password) throw new Error(`the home page asks for a login, but the start printed no lanh-dao account:\n${output}`);
	const origin = url.replace(/\/$/u, '');
	const login = await fetch(`${origin}/dang-nhap`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ username: 'lanh-dao', password, sau: '/' })
	});
	await login.body?.cancel();
	const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
	const home = await fetch(url, { headers: { cookie } });
	return { status: home.status, html: await home.text() };
}

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('npm start', { timeout: 1_800_000 }, () => {
	let firstVersion = '';

	it('first start generates the demo exports, publishes a warehouse through the portal, serves the dashboard and stops cleanly on SIGTERM', async () => {
		const port = await freePort();
		const started = start(port);
		const url = await ready(started, 1_500_000);
		expect(url).toBe(`http://127.0.0.1:${port}/`);
		const home = await homePage(url, started.output());
		expect(home.status).toBe(200);
		expect(home.html).toContain('1 triệu sáng kiến');

		const out = started.output();
		expect(out).toMatch(/demo exports: (generated|linked) /u);
		expect(out).toMatch(/^fetch \d+\/\d+$/mu);
		const published = /warehouse: first run published (v\S+)/u.exec(out);
		expect(published).not.toBeNull();
		firstVersion = published![1]!;
		expect(out).toMatch(/^schedule: "[^"]+" \(Asia\/Ho_Chi_Minh\)/mu);
		expect(statSync(join(root, 'demo', 'portal-token')).mode & 0o777).toBe(0o600);

		started.child.kill('SIGTERM');
		expect(await started.exit).toBe(START_EXIT.stopped);
		expect(started.output()).toMatch(/^stopped$/mu);
		expect(readdirSync(join(root, 'demo')).sort()).toEqual(['exports', 'portal-token']);
		await expect(fetch(url)).rejects.toThrow();
	});

	it('a second start reuses the exports and the published warehouse (no generation, no first run)', async () => {
		expect(firstVersion).not.toBe('');
		const started = start(await freePort());
		const url = await ready(started, 120_000);
		expect([200, 303]).toContain((await fetch(url, { redirect: 'manual' })).status);
		const out = started.output();
		expect(out).toContain(`demo exports: reused ${exportsDir}`);
		expect(out).toContain(`warehouse: reusing published ${firstVersion}`);
		expect(out).not.toMatch(/generating|first pipeline run|^fetch /mu);
		expect(readdirSync(join(warehouse, 'versions'))).toEqual([`${firstVersion}.duckdb`]);
		started.child.kill('SIGTERM');
		expect(await started.exit).toBe(START_EXIT.stopped);
	});

	it('another scale under the built warehouse is refused (config exit code), leaving the exports untouched', async () => {
		const started = start(await freePort(), { SANG_KIEN_DEMO_SCALE: '0.006' });
		expect(await started.exit).toBe(START_EXIT.config);
		expect(started.output()).toContain('holds scale 0.005');
		expect(readdirSync(join(root, 'demo')).sort()).toEqual(['exports', 'portal-token']);
	});

	it('a dashboard server that dies stops the start with its own exit code', async () => {
		const started = start(await freePort());
		await ready(started, 120_000);
		const dashboard = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(started.child.pid)], { encoding: 'utf8' })
			.split('\n')
			.map((line) => line.trim().split(/\s+/u))
			.find((fields) => fields.at(-1) === 'build');
		expect(dashboard).toBeDefined();
		process.kill(Number(dashboard![0]), 'SIGKILL');
		expect(await started.exit).toBe(START_EXIT.dashboardFailed);
		expect(started.output()).toContain('error: the dashboard server exited');
	});

	it('a dashboard port in use stops the start with its own exit code and message', async () => {
		const port = await freePort();
		const blocker: Server = createServer();
		await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
		try {
			const started = start(port);
			expect(await started.exit).toBe(START_EXIT.portInUse);
			expect(started.output()).toContain(`port ${port} on 127.0.0.1 is in use`);
		} finally {
			await new Promise((resolve) => blocker.close(resolve));
		}
	});
});
