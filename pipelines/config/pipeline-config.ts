// The pipeline configuration: its shape and defaults, and the pure merge of config file < environment < CLI with validation naming the key.
import { validate as validateCron } from 'node-cron';
import { isAbsolute, resolve } from 'node:path';

export type SourceConfig = { kind: 'folder'; path: string } | { kind: 'portal'; url: string };

export interface HttpConfig {
	/** Per request: time to the response headers, and the longest silence while reading a body. */
	timeoutMs: number;
	/** Retries after the first attempt (timeouts, 5xx, dropped connections, checksum mismatches). */
	retries: number;
	/** First backoff; doubles per retry, capped at maxBackoffMs, with jitter. */
	backoffMs: number;
	maxBackoffMs: number;
}

export interface PipelineConfig {
	sources: SourceConfig[];
	/** Absolute warehouse directory. */
	warehouse: string;
	schedule: { cron: string; timezone: string };
	/** Published warehouse versions kept. */
	keepVersions: number;
	/** Used only by the explicit prune command; null = no retention age configured. */
	retentionDays: number | null;
	portal: { token: string };
	http: HttpConfig;
}

/** The file's JSON form: sources are strings (a folder path, or an http(s) URL of a portal). */
export interface PipelineConfigFile {
	sources: string[];
	warehouse: string;
	schedule: { cron: string; timezone: string };
	keepVersions: number;
	retentionDays: number | null;
	portal: { token: string };
	http: HttpConfig;
}

/** Built-in defaults, the same as the repository's sang-kien.config.json (the demo set-up). */
export const DEFAULT_CONFIG_FILE: PipelineConfigFile = {
	sources: ['var/demo/exports'],
	warehouse: 'var/warehouse',
	schedule: { cron: '*/15 * * * *', timezone: 'Asia/Ho_Chi_Minh' },
	keepVersions: 5,
	retentionDays: null,
	portal: { token: '' },
	http: { timeoutMs: 30_000, retries: 4, backoffMs: 500, maxBackoffMs: 10_000 }
};

export interface ConfigOverrides {
	/** `--source <dir|url>` (repeatable): replaces the configured sources. */
	sources?: readonly string[];
	/** `--warehouse <dir>`. */
	warehouse?: string;
}

export interface ConfigLayers {
	/** Parsed JSON of the config file (undefined: no file, defaults apply). */
	file: unknown;
	/** Name used in messages, e.g. `sang-kien.config.json`. */
	fileLabel: string;
	/** Directory relative file paths are resolved against. */
	fileDir: string;
	env: Record<string, string | undefined>;
	cli: ConfigOverrides;
	/** Directory relative environment and CLI paths are resolved against. */
	cwd: string;
}

export type ConfigResult = { ok: true; config: PipelineConfig } | { ok: false; errors: string[] };

const TOP_KEYS = ['sources', 'warehouse', 'schedule', 'keepVersions', 'retentionDays', 'portal', 'http'] as const;
const NESTED_KEYS: Record<string, readonly string[]> = {
	schedule: ['cron', 'timezone'],
	portal: ['token'],
	http: ['timeoutMs', 'retries', 'backoffMs', 'maxBackoffMs']
};

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A source string as a typed source: http(s) URLs are portals (listing at `/api/exports`), anything else a folder. */
export function parseSource(text: string, baseDir: string): SourceConfig {
	if (/^https?:\/\//iu.test(text)) {
		const url = new URL(text);
		if (!/\/api\/exports\/?$/u.test(url.pathname)) url.pathname = `${url.pathname.replace(/\/$/u, '')}/api/exports`;
		return { kind: 'portal', url: url.toString() };
	}
	return { kind: 'folder', path: isAbsolute(text) ? text : resolve(baseDir, text) };
}

function isTimeZone(zone: string): boolean {
	try {
		new Intl.DateTimeFormat('en', { timeZone: zone });
		return true;
	} catch {
		return false;
	}
}

/** Merges defaults < file < environment < CLI and validates; every error names its key and where it came from. */
export function resolveConfig(layers: ConfigLayers): ConfigResult {
	const errors: string[] = [];
	const { env, cli, fileLabel } = layers;
	const merged = structuredClone(DEFAULT_CONFIG_FILE) as unknown as Record<string, unknown>;
	const origin = new Map<string, string>();
	const at = (key: string) => origin.get(key) ?? 'default';
	let sourcesBase = layers.cwd;
	let warehouseBase = layers.cwd;

	if (layers.file !== undefined) {
		if (!isRecord(layers.file)) errors.push(`${fileLabel}: must be a JSON object`);
		else {
			sourcesBase = warehouseBase = layers.fileDir;
			for (const [key, value] of Object.entries(layers.file)) {
				if (key.startsWith('$')) continue;
				if (!(TOP_KEYS as readonly string[]).includes(key)) {
					errors.push(`${fileLabel}: unknown key "${key}"`);
					continue;
				}
				const nested = NESTED_KEYS[key];
				if (nested && isRecord(value)) {
					for (const [sub, subValue] of Object.entries(value)) {
						if (sub.startsWith('$')) continue;
						if (!nested.includes(sub)) errors.push(`${fileLabel}: unknown key "${key}.${sub}"`);
						else {
							(merged[key] as Record<string, unknown>)[sub] = subValue;
							origin.set(`${key}.${sub}`, fileLabel);
						}
					}
				} else {
					merged[key] = value;
					origin.set(key, fileLabel);
				}
			}
		}
	}

	const fromEnv = (variable: string, key: string, apply: (raw: string) => unknown) => {
		const raw = env[variable];
		if (raw === undefined || raw === '') return;
		const [top, sub] = key.split('.') as [string, string | undefined];
		if (sub) (merged[top] as Record<string, unknown>)[sub] = apply(raw);
		else merged[top] = apply(raw);
		origin.set(key, variable);
	};
	const asNumber = (raw: string) => (/^\s*-?\d+(\.\d+)?\s*$/u.test(raw) ? Number(raw) : raw);
	fromEnv('SANG_KIEN_WAREHOUSE', 'warehouse', (raw) => raw);
	if (origin.get('warehouse') === 'SANG_KIEN_WAREHOUSE') warehouseBase = layers.cwd;
	fromEnv('SANG_KIEN_SOURCE', 'sources', (raw) => [raw]);
	if (origin.get('sources') === 'SANG_KIEN_SOURCE') sourcesBase = layers.cwd;
	fromEnv('SANG_KIEN_SCHEDULE', 'schedule.cron', (raw) => raw);
	fromEnv('SANG_KIEN_KEEP_VERSIONS', 'keepVersions', asNumber);
	fromEnv('SANG_KIEN_RETENTION_DAYS', 'retentionDays', asNumber);
	if (env.SANG_KIEN_PORTAL_TOKEN !== undefined) {
		(merged.portal as Record<string, unknown>).token = env.SANG_KIEN_PORTAL_TOKEN;
		origin.set('portal.token', 'SANG_KIEN_PORTAL_TOKEN');
	}
	if (cli.warehouse !== undefined) {
		merged.warehouse = cli.warehouse;
		warehouseBase = layers.cwd;
		origin.set('warehouse', '--warehouse');
	}
	if (cli.sources !== undefined && cli.sources.length > 0) {
		merged.sources = [...cli.sources];
		sourcesBase = layers.cwd;
		origin.set('sources', '--source');
	}

	const fail = (key: string, message: string) => errors.push(`${at(key)}: ${key} ${message}`);
	const value = (key: string): unknown => {
		const [top, sub] = key.split('.') as [string, string | undefined];
		const v = merged[top];
		return sub ? (isRecord(v) ? v[sub] : undefined) : v;
	};
	const nonEmptyString = (key: string) => {
		const v = value(key);
		if (typeof v !== 'string' || v.trim() === '') fail(key, `must be a non-empty string, got ${JSON.stringify(v)}`);
		return typeof v === 'string' ? v : '';
	};
	const integer = (key: string, min: number) => {
		const v = value(key);
		if (typeof v !== 'number' || !Number.isInteger(v) || v < min) {
			fail(key, `must be an integer ≥ ${min}, got ${JSON.stringify(v)}`);
			return min;
		}
		return v;
	};
	for (const key of ['schedule', 'portal', 'http']) if (!isRecord(merged[key])) fail(key, 'must be an object');

	const sourcesRaw = value('sources');
	const sources: SourceConfig[] = [];
	if (!Array.isArray(sourcesRaw) || sourcesRaw.length === 0) fail('sources', 'must be a non-empty list of folders or URLs');
	else {
		sourcesRaw.forEach((s: unknown, i) => {
			if (typeof s !== 'string' || s.trim() === '') fail(`sources`, `[${i}] must be a non-empty string, got ${JSON.stringify(s)}`);
			else {
				try {
					sources.push(parseSource(s, sourcesBase));
				} catch {
					fail('sources', `[${i}] is not a valid URL: "${s}"`);
				}
			}
		});
	}
	const warehouse = nonEmptyString('warehouse');
	const cron = nonEmptyString('schedule.cron');
	if (cron && !validateCron(cron)) fail('schedule.cron', `"${cron}" is not a valid cron expression`);
	const timezone = nonEmptyString('schedule.timezone');
	if (timezone && !isTimeZone(timezone)) fail('schedule.timezone', `"${timezone}" is not a known time zone`);
	const keepVersions = integer('keepVersions', 1);
	const retentionRaw = value('retentionDays');
	const retentionDays = retentionRaw === null ? null : integer('retentionDays', 1);
	const token = value('portal.token');
	if (typeof token !== 'string') fail('portal.token', `must be a string, got ${JSON.stringify(token)}`);
	const http: HttpConfig = {
		timeoutMs: integer('http.timeoutMs', 1),
		retries: integer('http.retries', 0),
		backoffMs: integer('http.backoffMs', 0),
		maxBackoffMs: integer('http.maxBackoffMs', 0)
	};
	if (http.maxBackoffMs < http.backoffMs) fail('http.maxBackoffMs', `must be ≥ http.backoffMs (${http.backoffMs})`);

	if (errors.length > 0) return { ok: false, errors };
	return {
		ok: true,
		config: {
			sources,
			warehouse: isAbsolute(warehouse) ? warehouse : resolve(warehouseBase, warehouse),
			schedule: { cron, timezone },
			keepVersions,
			retentionDays,
			portal: { token: typeof token === 'string' ? token : '' },
			http
		}
	};
}

/** The configuration as it may be logged: the token replaced by whether one is set. */
export function redactConfig(config: PipelineConfig): Omit<PipelineConfig, 'portal'> & { portal: { token: string } } {
	return { ...config, portal: { token: config.portal.token ? '(set)' : '' } };
}
