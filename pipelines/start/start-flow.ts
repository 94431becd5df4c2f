// The `npm start` flow: demo exports → portal → first pipeline run if nothing is published → dashboard build and server → schedule.
import { statfs } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ScheduledTask } from 'node-cron';
import { readCurrent } from '../../warehouse/versions/version-files.ts';
import type { PipelineConfig } from '../config/pipeline-config.ts';
import type { RunReporter } from '../run/run-reporter.ts';
import { startPortalServer, type PortalServer } from '../simulated-portal/portal-server.ts';
import type { ChildProcesses } from './child-processes.ts';
import { buildDashboard, dashboardBuildState } from './dashboard-build.ts';
import { startDashboard, type RunningDashboard } from './dashboard-server.ts';
import { ensureDemoExports, isComplete, manifestKey } from './demo-exports.ts';
import { demoLoginHint } from './login-hint.ts';
import { runPipelineChild, schedulePipeline } from './pipeline-runs.ts';
import { demoPortalToken } from './portal-token.ts';
import { StartError, isDiskFull } from './start-errors.ts';
import { diskNeeded, type StartSettings } from './start-settings.ts';

export interface StartEffects {
	children: ChildProcesses;
	/** Lines and progress for the person at the terminal. */
	reporter: RunReporter;
	/** Called when the dashboard server dies after the start (the CLI shuts down). */
	onDashboardExit: (code: number | null) => void;
}

/** What a running demo holds, each part present once started; `stop` closes whatever exists. */
export interface RunningDemo {
	portal?: PortalServer;
	dashboard?: RunningDashboard;
	task?: ScheduledTask;
	stop(): Promise<void>;
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const gb = (bytes: number) => `${(bytes / 1e9).toFixed(1)} GB`;

async function freeBytes(path: string): Promise<number | undefined> {
	for (let dir = path; ; dir = dirname(dir)) {
		const info = await statfs(dir).catch(() => undefined);
		if (info) return info.bavail * info.bsize;
		if (dirname(dir) === dir) return undefined;
	}
}

/** Starts everything; the returned demo is filled in as parts start, so a signal mid-way can stop what exists. */
export function startDemo(settings: StartSettings, config: PipelineConfig, effects: StartEffects): { demo: RunningDemo; ready: Promise<string> } {
	const { children, reporter } = effects;
	const demo: RunningDemo = {
		async stop() {
			await demo.task?.stop();
			await children.stopAll();
			await demo.portal?.close();
		}
	};

	const ready = (async (): Promise<string> => {
		const published = await readCurrent(settings.warehouse);
		const generate = !(await isComplete(settings.exportsDir, settings.demo));
		const held = generate ? await manifestKey(settings.exportsDir) : null;
		if (held && published !== null) {
			// Replacing the exports under a built warehouse would let the schedule mix two simulated programmes in it.
			throw new StartError(
				'config',
				`${settings.exportsDir} holds scale ${held.scale} (seed ${held.seed}) and ${settings.warehouse} was built from it, but this start asks for scale ${settings.demo.scale}: ` +
					'point SANG_KIEN_SOURCE and SANG_KIEN_WAREHOUSE at other folders for another scale'
			);
		}
		const need = diskNeeded(settings.demo.scale, { generate, firstRun: published === null });
		const free = await freeBytes(settings.warehouse);
		if (need > 0 && free !== undefined && free < need) {
			throw new StartError('diskFull', `disk full: this start needs about ${gb(need)} free for ${settings.warehouse} and ${settings.exportsDir}, ${gb(free)} is free (try SANG_KIEN_DEMO_SCALE=0.1)`);
		}

		let since = performance.now();
		const outcome = await ensureDemoExports(settings.exportsDir, settings.demo, children, reporter);
		reporter.line(`demo exports: ${outcome} ${settings.exportsDir} (scale ${settings.demo.scale}, seed ${settings.demo.seed}) in ${seconds(since)}`);

		const token = await demoPortalToken(config.portal.token, settings.tokenFile);
		demo.portal = await startPortalServer({ dir: settings.exportsDir, token, port: 0 });
		reporter.line(`portal: ${demo.portal.entries.length} exports at ${demo.portal.url}/api/exports (bearer token ${config.portal.token ? 'from the configuration' : `in ${settings.tokenFile}`})`);
		const target = { portalUrl: demo.portal.url, token, warehouse: settings.warehouse };

		let version = published;
		if (version === null) {
			since = performance.now();
			reporter.line(`warehouse: nothing published in ${settings.warehouse}; first pipeline run from the portal`);
			const run = await runPipelineChild(children, target, 'start');
			if (children.stopping) throw new StartError('firstRunFailed', 'first run interrupted');
			version = await readCurrent(settings.warehouse);
			if (version === null || run.status !== 'published') {
				const why = `first pipeline run ${run.status} (exit ${run.exitCode})${run.error ? `: ${run.error}` : ''}`;
				if (isDiskFull(run.error ?? '')) throw new StartError('diskFull', `disk full: ${why}`);
				throw new StartError('firstRunFailed', `${why}; see \`npm run pipeline -- status --warehouse ${settings.warehouse}\``);
			}
			reporter.line(`warehouse: first run published ${version} in ${seconds(since)}`);
		} else {
			reporter.line(`warehouse: reusing published ${version} (${settings.warehouse}); the schedule picks up anything new`);
		}

		const build = await dashboardBuildState();
		if (settings.skipDashboardBuild && build.exists) {
			reporter.line(`dashboard: SANG_KIEN_SKIP_DASHBOARD_BUILD=1, serving the existing build/${build.stale ? ' (older than the sources)' : ''}`);
		} else if (build.stale) {
			reporter.line(`dashboard: building (${build.exists ? 'build/ is older than the sources' : 'no build/ yet'}), vite build …`);
			const took = await buildDashboard(children, reporter);
			reporter.line(`dashboard: built in ${took.toFixed(1)} s`);
		} else {
			reporter.line('dashboard: build/ is up to date');
		}
		demo.dashboard = await startDashboard(children, {
			host: settings.dashboard.host,
			port: settings.dashboard.port,
			warehouse: settings.warehouse,
			log: reporter.line
		});
		demo.dashboard.child.once('exit', (code) => effects.onDashboardExit(code));

		demo.task = schedulePipeline(children, target, config.schedule, reporter.line);
		reporter.line(`schedule: "${config.schedule.cron}" (${config.schedule.timezone}) pulling from the portal, never two runs at once`);
		const hint = demoLoginHint(settings.warehouse);
		if (hint) reporter.line(`login: ${hint}`);
		return demo.dashboard.url;
	})();
	return { demo, ready };
}
