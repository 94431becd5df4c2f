// Reads sang-kien.config.json (or another file) and resolves it with the environment and CLI overrides; thin I/O around resolveConfig.
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { resolveConfig, type ConfigOverrides, type ConfigResult } from './pipeline-config.ts';

export const CONFIG_FILE_NAME = 'sang-kien.config.json';

export interface LoadConfigOptions {
	/** Defaults to `<cwd>/sang-kien.config.json`; a missing default file means built-in defaults. */
	configPath?: string;
	env?: Record<string, string | undefined>;
	cli?: ConfigOverrides;
	cwd?: string;
}

/** Loads and validates the configuration; expected problems come back as `{ ok: false, errors }`. */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<ConfigResult> {
	const cwd = options.cwd ?? process.cwd();
	const path = resolve(cwd, options.configPath ?? CONFIG_FILE_NAME);
	const label = basename(path);
	let file: unknown;
	try {
		file = JSON.parse(await readFile(path, 'utf8'));
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT' && options.configPath === undefined) file = undefined;
		else if (code === 'ENOENT') return { ok: false, errors: [`${label}: config file not found at ${path}`] };
		else if (error instanceof SyntaxError) return { ok: false, errors: [`${label}: invalid JSON (${error.message})`] };
		else throw error;
	}
	return resolveConfig({
		file,
		fileLabel: label,
		fileDir: dirname(path),
		env: options.env ?? process.env,
		cli: options.cli ?? {},
		cwd
	});
}

/** parseArgs option definitions for the config overrides, for CLIs that accept them. */
export const CONFIG_ARG_OPTIONS = {
	source: { type: 'string', multiple: true },
	warehouse: { type: 'string' },
	config: { type: 'string' }
} as const;
