// `npm start`: the demo (simulated exports, portal, warehouse, dashboard, schedule) until Ctrl-C; exit codes in start-errors.ts.
import { loadConfig } from '../config/load-config.ts';
import { streamReporter } from '../run/run-reporter.ts';
import { ChildProcesses } from './child-processes.ts';
import { startDemo, type RunningDemo } from './start-flow.ts';
import { START_EXIT, StartError, asStartError } from './start-errors.ts';
import { resolveStartSettings } from './start-settings.ts';

const reporter = streamReporter(process.stdout);
const children = new ChildProcesses();
let demo: RunningDemo | undefined;
let stopping = false;

async function shutdown(code: number, why: string): Promise<never> {
	if (stopping) process.exit(code === START_EXIT.stopped ? 130 : code);
	stopping = true;
	reporter.line(why);
	const force = setTimeout(() => process.exit(code || 1), 20_000);
	force.unref();
	await (demo?.stop() ?? children.stopAll()).catch((error: unknown) => reporter.line(`stop: ${(error as Error).message}`));
	if (code === START_EXIT.stopped) reporter.line('stopped');
	process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => void shutdown(START_EXIT.stopped, `${signal}: stopping the schedule, the dashboard and the portal …`));
}

async function main(): Promise<void> {
	const loaded = await loadConfig();
	if (!loaded.ok) throw new StartError('config', loaded.errors.map((e) => `config: ${e}`).join('\n'));
	const resolved = resolveStartSettings(loaded.config, process.env, process.cwd());
	if (!resolved.ok) throw new StartError('config', resolved.errors.join('\n'));
	const started = performance.now();
	const run = startDemo(resolved.settings, loaded.config, {
		children,
		reporter,
		onDashboardExit: (code) => {
			// Ctrl-C on a terminal reaches the dashboard too; give our own handler the moment to mark the stop as asked for.
			setTimeout(() => {
				if (!stopping) void shutdown(START_EXIT.dashboardFailed, `error: the dashboard server exited (code ${code}); stopping`);
			}, 500);
		}
	});
	demo = run.demo;
	const url = await run.ready;
	reporter.line(`ready: dashboard ${url} (started in ${((performance.now() - started) / 1000).toFixed(1)} s; Ctrl-C stops)`);
}

main().catch((error: unknown) => {
	if (stopping) return;
	const failure = asStartError(error);
	void shutdown(failure.exitCode, `error: ${failure.message}`);
});
