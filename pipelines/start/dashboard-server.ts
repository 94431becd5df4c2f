// Serves the built dashboard as a child (`node build`) on HOST:PORT reading the warehouse, and waits until it answers HTTP.
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ChildProcess } from 'node:child_process';
import { ChildProcesses, exited, stopChild } from './child-processes.ts';
import { StartError } from './start-errors.ts';

export interface RunningDashboard {
	url: string;
	child: ChildProcess;
	stop(): Promise<void>;
}

/** The URL people open (IPv6 hosts bracketed; 0.0.0.0 shown as 127.0.0.1) (pure). */
export function dashboardUrl(host: string, port: number): string {
	const shown = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
	return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}/`;
}

/** Fails with portInUse when something already listens on host:port. */
export async function assertPortFree(host: string, port: number): Promise<void> {
	await new Promise<void>((resolve, reject) => {
		const probe = createServer();
		probe.once('error', (error: NodeJS.ErrnoException) => {
			if (error.code === 'EADDRINUSE') reject(new StartError('portInUse', `port ${port} on ${host} is in use: stop what runs there or set PORT (e.g. PORT=3001 npm start)`));
			else if (error.code === 'EACCES') reject(new StartError('portInUse', `port ${port} on ${host} needs privileges: set PORT above 1023`));
			else reject(error);
		});
		probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve()));
	});
}

/** Starts `node build` and resolves once GET / answers (any status), or fails if it exits first or takes longer than timeoutMs. */
export async function startDashboard(
	children: ChildProcesses,
	options: { host: string; port: number; warehouse: string; log: (line: string) => void; timeoutMs?: number }
): Promise<RunningDashboard> {
	await assertPortFree(options.host, options.port);
	const url = dashboardUrl(options.host, options.port);
	const child = children.spawn(process.execPath, ['build'], {
		stdio: ['ignore', 'pipe', 'pipe'],
		env: {
			...process.env,
			HOST: options.host,
			PORT: String(options.port),
			ORIGIN: process.env.ORIGIN ?? url.replace(/\/$/u, ''),
			SANG_KIEN_WAREHOUSE: options.warehouse
		}
	});
	let tail = '';
	const relay = (chunk: string) => {
		tail = (tail + chunk).slice(-4000);
		for (const line of chunk.split('\n').filter((l) => l.trim())) options.log(`dashboard: ${line}`);
	};
	child.stdout?.setEncoding('utf8').on('data', relay);
	child.stderr?.setEncoding('utf8').on('data', relay);
	let exitedEarly = false;
	void exited(child).then(() => (exitedEarly = true));
	const deadline = Date.now() + (options.timeoutMs ?? 60_000);
	while (Date.now() < deadline) {
		if (exitedEarly) {
			if (/EADDRINUSE/u.test(tail)) throw new StartError('portInUse', `port ${options.port} on ${options.host} is in use: set PORT`);
			throw new StartError('dashboardFailed', `the dashboard server exited at start (exit ${child.exitCode ?? child.signalCode}): ${tail.trim().split('\n').at(-1) ?? ''}`);
		}
		const answered = await fetch(url, { signal: AbortSignal.timeout(5000) }).then(
			(r) => r.body?.cancel().then(() => true) ?? true,
			() => false
		);
		if (answered) return { url, child, stop: () => stopChild(child) };
		await sleep(250);
	}
	await stopChild(child);
	throw new StartError('dashboardFailed', `the dashboard did not answer on ${url} within ${Math.round((options.timeoutMs ?? 60_000) / 1000)} s`);
}
