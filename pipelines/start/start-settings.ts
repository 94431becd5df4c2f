// What `npm start` runs with: the demo exports' key and folder, the token file, the dashboard's address, from the config and the environment (pure).
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { PipelineConfig } from '../config/pipeline-config.ts';
import { DEFAULT_DIRTY, DEFAULT_SEED } from '../simulated-portal/simulate.ts';

export interface DemoKey {
	scale: number;
	seed: number;
	dirty: number;
	schedule: 'full';
}

export interface StartSettings {
	demo: DemoKey;
	/** The demo exports folder: the first configured drop folder (default var/demo/exports). */
	exportsDir: string;
	/** Where a generated portal token is kept (`<exports>/../portal-token`, i.e. var/demo/portal-token). */
	tokenFile: string;
	warehouse: string;
	dashboard: { host: string; port: number };
	/** SANG_KIEN_SKIP_DASHBOARD_BUILD=1: serve an existing build/ even if older than the sources. */
	skipDashboardBuild: boolean;
}

export type SettingsResult = { ok: true; settings: StartSettings } | { ok: false; errors: string[] };

export const DEFAULT_EXPORTS_DIR = 'var/demo/exports';
export const DEFAULT_DASHBOARD_PORT = 3000;

/** Reads SANG_KIEN_DEMO_SCALE, PORT, HOST and SANG_KIEN_SKIP_DASHBOARD_BUILD beside the resolved pipeline config. */
export function resolveStartSettings(config: PipelineConfig, env: Record<string, string | undefined>, cwd: string): SettingsResult {
	const errors: string[] = [];
	const scaleText = env.SANG_KIEN_DEMO_SCALE?.trim() || '1';
	const scale = Number(scaleText);
	if (!/^\d+(\.\d+)?$/u.test(scaleText) || !(scale > 0)) errors.push(`SANG_KIEN_DEMO_SCALE: must be a number > 0, got "${scaleText}"`);
	const portText = env.PORT?.trim() || String(DEFAULT_DASHBOARD_PORT);
	const port = Number(portText);
	if (!/^\d+$/u.test(portText) || port < 1 || port > 65_535) errors.push(`PORT: must be an integer 1–65535, got "${portText}"`);
	const folder = config.sources.find((s) => s.kind === 'folder');
	const exportsDir = folder?.kind === 'folder' ? folder.path : resolve(cwd, DEFAULT_EXPORTS_DIR);
	if (errors.length > 0) return { ok: false, errors };
	return {
		ok: true,
		settings: {
			demo: { scale, seed: DEFAULT_SEED, dirty: DEFAULT_DIRTY, schedule: 'full' },
			exportsDir,
			tokenFile: join(dirname(exportsDir), 'portal-token'),
			warehouse: isAbsolute(config.warehouse) ? config.warehouse : resolve(cwd, config.warehouse),
			dashboard: { host: env.HOST?.trim() || '127.0.0.1', port },
			skipDashboardBuild: env.SANG_KIEN_SKIP_DASHBOARD_BUILD === '1'
		}
	};
}

/** Bytes of free disk a start needs: exports to generate, their landed copies and the warehouse versions (rough, scale-linear). */
export function diskNeeded(scale: number, needs: { generate: boolean; firstRun: boolean }): number {
	// 11.5 GB of exports at scale 1 (simulator version 3)
	const exportsBytes = scale * 11.5e9 + 30e6;
	return (needs.generate ? exportsBytes : 0) + (needs.firstRun ? exportsBytes + scale * 4e9 : 0);
}
