// Runs the pipeline for `npm start` in a child process (first load and scheduled runs) and keeps the schedule beside the dashboard.
import cron from 'node-cron';
import type { ScheduledTask } from 'node-cron';
import { EXIT_CODES, readRunRecords, type RunStatus } from '../run/run-log.ts';
import { ChildProcesses, exited } from './child-processes.ts';

export interface PipelineRunTarget {
	portalUrl: string;
	token: string;
	warehouse: string;
}

export interface PipelineRunResult {
	status: RunStatus | 'killed';
	exitCode: number | null;
	seconds: number;
	/** The run record's error message, when the run failed. */
	error: string | null;
}

/** The run status of a pipeline exit code (pure). */
export function statusOfExit(code: number | null): RunStatus | 'killed' {
	const found = (Object.entries(EXIT_CODES) as [RunStatus, number][]).find(([, exit]) => exit === code);
	return found ? found[0] : 'killed';
}

/**
 * One run against the portal. `relay` undefined: the child writes straight to this terminal (progress bars on a TTY);
 * otherwise each output line goes to relay (scheduled runs, prefixed in the log).
 */
export async function runPipelineChild(
	children: ChildProcesses,
	target: PipelineRunTarget,
	trigger: 'start' | 'schedule',
	relay?: (line: string) => void
): Promise<PipelineRunResult> {
	const started = performance.now();
	const child = children.spawnTs('pipelines/start/pipeline-run-cli.ts', ['--source', target.portalUrl, '--warehouse', target.warehouse, '--trigger', trigger], {
		// The IPC channel lets the run notice a start that was killed outright (it then stops rather than hold the lock).
		stdio: relay ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'inherit', 'inherit', 'ipc'],
		env: { ...process.env, SANG_KIEN_PORTAL_TOKEN: target.token }
	});
	if (relay) {
		const lines = (chunk: string) => chunk.split('\n').filter((l) => l.trim()).forEach(relay);
		child.stdout?.setEncoding('utf8').on('data', lines);
		child.stderr?.setEncoding('utf8').on('data', lines);
	}
	const exit = await exited(child);
	const status = statusOfExit(exit.code);
	let error: string | null = null;
	if (status === 'failed' || status === 'rejected_by_audit') {
		const [latest] = await readRunRecords(target.warehouse, 1).catch(() => []);
		error = latest?.error?.message ?? (latest?.audit.filter((c) => !c.passed).map((c) => `${c.name}: ${c.detail}`).join('; ') || null);
	}
	return { status, exitCode: exit.code, seconds: (performance.now() - started) / 1000, error };
}

/** The schedule: a run on each cron tick (never two at once), in the configured time zone. */
export function schedulePipeline(
	children: ChildProcesses,
	target: PipelineRunTarget,
	schedule: { cron: string; timezone: string },
	log: (line: string) => void
): ScheduledTask {
	return cron.schedule(
		schedule.cron,
		async () => {
			if (children.stopping) return;
			log(`schedule: run starting`);
			const result = await runPipelineChild(children, target, 'schedule', (line) => log(`pipeline: ${line}`));
			if (!children.stopping) log(`schedule: run ${result.status} in ${result.seconds.toFixed(1)} s${result.error ? ` — ${result.error}` : ''}`);
		},
		{ timezone: schedule.timezone, noOverlap: true, name: 'sang-kien-start-schedule' }
	);
}
