// The pipeline run: fetch → land → (nothing new?) → begin version → stage+validate → merge → build → audit → publish, with a run record.
import { availableParallelism } from 'node:os';
import { Database } from '../../warehouse/duckdb/database.ts';
import { quoteLiteral as sqlText } from '../stage/sql-text.ts';
import { createSchema } from '../../warehouse/schema/create-schema.ts';
import { loadReference } from '../../warehouse/schema/load-reference.ts';
import { fromInstant } from '../../warehouse/time/wall-clock.ts';
import { acquirePipelineLock, type HeldLock } from '../../warehouse/versions/pipeline-lock.ts';
import { beginVersion, discardVersion, openPublished, publishVersion } from '../../warehouse/versions/version-files.ts';
import { warehousePaths } from '../../warehouse/versions/warehouse-paths.ts';
import type { PipelineConfig } from '../config/pipeline-config.ts';
import type { LandedFile } from '../land/land-files.ts';
import type { PipelineStages } from './pipeline-stages.ts';
import { makeRunId } from './run-id.ts';
import { silentReporter, type RunReporter } from './run-reporter.ts';
import { readRunRecords, safeErrorMessage, writeRunLogTable, writeRunRecord, type RunFileRecord, type RunRecord, type RunTrigger } from './run-log.ts';

export interface RunOptions {
	trigger?: RunTrigger;
	stages: PipelineStages;
	now?: () => number;
	/** 4 hex digits of the run id; random by default. */
	runIdSuffix?: string;
	reporter?: RunReporter;
	/**
	 * Build the version from scratch out of every landed file (stage, merge, build and audit all of them again) instead of adding
	 * new files to a copy of the published version: a fix to staging or validation then reaches rows loaded before it. Refused
	 * while any file the published version loaded is no longer landed (removed by the prune command).
	 */
	rebuild?: boolean;
	/** Called at every stage boundary with "stage:start <name>" / "stage:end <name>" (crash tests). */
	trace?: (event: string) => void | Promise<void>;
	/** DuckDB memory_limit of the building version (default: SANG_KIEN_DUCKDB_MEMORY_LIMIT, else DEFAULT_MEMORY_LIMIT). */
	memoryLimit?: string;
}

/**
 * DuckDB's memory_limit while building a version: larger sorts spill to `<building file>.tmp/`. The process's peak RSS runs ~0.5–0.7 GB
 * above it (Node, allocations outside DuckDB's buffer pool). Scale 1 (2-core machine, /usr/bin/time -v): 1.2GB peaked at 1.72–1.99 GB,
 * 1GB at 1.48–1.71 GB, 800MB at 1.33 GB; CPU time within run-to-run noise (110–127 s at load 4–8).
 */
export const DEFAULT_MEMORY_LIMIT = '800MB';

/** At most this many DuckDB threads build a version: per-thread state and allocator caches outside memory_limit grow with threads. */
export const MAX_BUILD_THREADS = 4;

/** The DuckDB threads of a building version on a machine with `cores` cores (pure). */
export function buildThreadsFor(cores: number): number {
	return Math.max(1, Math.min(MAX_BUILD_THREADS, Math.floor(cores)));
}

/** The memory limit a run uses: the option, else the environment's, else the default (pure). */
export function memoryLimitFor(option: string | undefined, env: Record<string, string | undefined>): string {
	const chosen = option ?? env.SANG_KIEN_DUCKDB_MEMORY_LIMIT?.trim();
	if (!chosen) return DEFAULT_MEMORY_LIMIT;
	if (!/^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/iu.test(chosen)) {
		throw new Error(`DuckDB memory limit must look like "1.5GB" or "800MB", got "${chosen}"`);
	}
	return chosen;
}

/** The step names, in order, as traced and timed. */
export const STEPS = [
	'fetch',
	'land',
	'begin',
	'stage_units',
	'merge_units',
	'stage_initiatives',
	'merge_initiatives',
	'build_marts',
	'audit',
	'publish'
] as const;
export type StepName = (typeof STEPS)[number];

/** Landed files not yet in the version (by sha256), the first name of each checksum only (pure). */
export function newLandedFiles(landed: readonly LandedFile[], knownSha256: ReadonlySet<string>): LandedFile[] {
	const seen = new Set(knownSha256);
	const fresh: LandedFile[] = [];
	for (const file of landed) {
		if (seen.has(file.sha256)) continue;
		seen.add(file.sha256);
		fresh.push(file);
	}
	return fresh;
}

async function knownChecksums(db: Database | null): Promise<Set<string>> {
	if (!db) return new Set();
	const exists = await db.one<{ n: number }>(`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'source_file'`);
	if (!exists?.n) return new Set();
	const rows = await db.all<{ sha256: string }>('SELECT DISTINCT sha256 FROM source_file');
	return new Set(rows.map((r) => r.sha256));
}

/** Names of the files the version loaded whose checksum is no longer landed (a rebuild would lose their rows). */
async function loadedButNotLanded(db: Database, landed: readonly LandedFile[]): Promise<string[]> {
	const present = new Set(landed.map((f) => f.sha256));
	const loaded = await db.all<{ sha256: string; file_name: string }>(
		`SELECT sha256, min(file_name) AS file_name FROM source_file WHERE status = 'loaded' GROUP BY sha256 ORDER BY file_name`
	);
	return loaded.filter((f) => !present.has(f.sha256)).map((f) => f.file_name);
}

async function countRows(db: Database, table: string): Promise<number> {
	return (await db.one<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))?.n ?? 0;
}

async function fileRecords(db: Database, fileIds: number[]): Promise<RunFileRecord[]> {
	if (fileIds.length === 0) return [];
	return db.all<RunFileRecord & Record<string, string | number | null>>(
		`SELECT file_name AS name, sha256, dataset, scope, status, rows_read AS "rowsRead", rows_loaded AS "rowsLoaded",
		        rows_quarantined AS "rowsQuarantined", rows_superseded AS "rowsSuperseded"
		 FROM source_file WHERE list_contains($1::INTEGER[], file_id) ORDER BY file_id`,
		[`[${fileIds.join(',')}]`]
	);
}

/** The sources a version was built from, for warehouse_meta: folders and portal URLs without credentials (pure). */
export function describeSources(config: Pick<PipelineConfig, 'sources'>): string {
	return config.sources
		.map((source) => {
			if (source.kind === 'folder') return source.path;
			const url = new URL(source.url);
			url.username = '';
			url.password = '';
			url.search = '';
			return url.toString();
		})
		.join(', ');
}

/** Runs the pipeline once; never throws for a failed run (the record says why), only for a broken warehouse directory. */
export async function runPipeline(config: PipelineConfig, options: RunOptions): Promise<RunRecord> {
	const now = options.now ?? Date.now;
	const reporter = options.reporter ?? silentReporter;
	const { stages } = options;
	const root = config.warehouse;
	const runId = makeRunId(now(), options.runIdSuffix);
	const record: RunRecord = {
		runId,
		trigger: options.trigger ?? 'manual',
		startedAt: fromInstant(now()),
		endedAt: null,
		status: 'failed',
		version: null,
		baseVersion: null,
		files: [],
		rowsPerStage: {},
		durationsMs: {},
		audit: [],
		warnings: [],
		error: null
	};
	let currentStep: StepName | null = null;
	const step = async <T>(name: StepName, fn: () => Promise<T>, rows?: (result: T) => Promise<number> | number): Promise<T> => {
		currentStep = name;
		await options.trace?.(`stage:start ${name}`);
		const started = performance.now();
		const result = await fn();
		record.durationsMs[name] = Math.round(performance.now() - started);
		if (rows) record.rowsPerStage[name] = await rows(result);
		await options.trace?.(`stage:end ${name}`);
		currentStep = null;
		return result;
	};

	let lock: HeldLock | undefined;
	let previous: Awaited<ReturnType<typeof openPublished>> = null;
	let buildingPath: string | null = null;
	let buildingDb: Database | null = null;
	try {
		lock = acquirePipelineLock(warehousePaths(root).lock);
		if (lock.tookOver !== null) reporter.line(`took over the lock of a dead run (pid ${lock.tookOver})`);
		reporter.line(`run ${runId} (${record.trigger}) → ${root}`);

		const fetched = await step('fetch', () => stages.fetchSources(config, { runId, log: reporter.line }), (f) => f.files.length);
		record.warnings = fetched.failures.map((f) => `fetch failed: ${f.name ?? f.source}: ${safeErrorMessage(f.reason)}`);
		await step('land', () => stages.landFiles(root, fetched.files), (l) => l.length);
		previous = await openPublished(root);
		record.baseVersion = previous?.version ?? null;
		const landed = await stages.listLandedFiles(root);
		if (options.rebuild) {
			record.rebuild = true;
			const missing = previous ? await loadedButNotLanded(previous.database, landed) : [];
			if (missing.length > 0) {
				const named = missing.slice(0, 3).join(', ') + (missing.length > 3 ? ` and ${missing.length - 3} more` : '');
				throw new Error(`cannot rebuild: ${missing.length} file(s) loaded into ${previous!.version} are no longer landed (removed by prune?): ${named}`);
			}
		}
		const fresh = newLandedFiles(landed, options.rebuild ? new Set() : await knownChecksums(previous?.database ?? null));
		if (fresh.length === 0 && fetched.failures.length > 0) {
			// Nothing new because a source could not be read is an outage, not a quiet night.
			throw new Error(`fetch failed for ${fetched.failures.length} file(s)/source(s) and nothing new was fetched`);
		}
		if (fresh.length === 0) {
			record.status = 'nothing_new';
			reporter.line(options.rebuild ? 'nothing to rebuild from: no landed files' : 'nothing new: every landed file is already in the published version');
			return record;
		}
		reporter.line(options.rebuild ? `rebuild from scratch: ${fresh.length} landed file(s)` : `${fresh.length} new file(s)`);

		const db = await step('begin', async () => {
			const version = await beginVersion(root, runId, { fromScratch: options.rebuild === true });
			buildingPath = version.path;
			if (version.removed.length > 0) reporter.line(`removed ${version.removed.length} abandoned building file(s)`);
			const opened = await Database.open(version.path, {
				memoryLimit: memoryLimitFor(options.memoryLimit, process.env),
				threads: buildThreadsFor(availableParallelism())
			});
			buildingDb = opened;
			// The allocator's caches are flushed after a task whose allocations peaked above 64 MB (DuckDB's default: 128 MiB): freed memory returns sooner.
			await opened.run(`SET allocator_flush_threshold = '64MB'`);
			// Spilled sorts and joins go beside the building file (removed with it; a later run removes an abandoned one).
			await opened.run(`SET temp_directory = ${sqlText(`${version.path}.tmp`)}`);
			await createSchema(opened);
			await loadReference(opened);
			return opened;
		});

		let nextFileId = ((await db.one<{ n: number }>('SELECT coalesce(max(file_id), 0) AS n FROM source_file'))?.n ?? 0) + 1;
		const newFileIds: number[] = [];
		const stageAll = async (name: 'stage_units' | 'stage_initiatives', dataset: LandedFile['dataset'], validate: (staged: Awaited<ReturnType<PipelineStages['stageFile']>>) => Promise<unknown>) => {
			const files = fresh.filter((f) => f.dataset === dataset);
			const ids: number[] = [];
			await step(
				name,
				async () => {
					for (const [index, landed] of files.entries()) {
						const fileId = nextFileId++;
						const staged = await stages.stageFile(db, landed, fileId, { runId });
						await validate(staged);
						ids.push(fileId);
						newFileIds.push(fileId);
						reporter.progress(name, index + 1, files.length);
					}
				},
				async () => (await fileRecords(db, ids)).reduce((sum, f) => sum + f.rowsRead, 0)
			);
		};

		await stageAll('stage_units', 'units', (staged) => stages.validateUnitFile(db, staged));
		await step('merge_units', () => stages.mergeUnits(db), () => countRows(db, 'unit'));
		await stageAll('stage_initiatives', 'initiatives', (staged) => stages.validateInitiativeFile(db, staged));
		await step('merge_initiatives', () => stages.mergeInitiatives(db), () => countRows(db, 'initiative'));
		await step('build_marts', () => stages.buildMarts(db), () => countRows(db, 'initiative_period'));
		record.files = await fileRecords(db, newFileIds);

		const audit = await step(
			'audit',
			() => stages.auditVersion(db, { previous: previous?.database ?? null, newFileIds }),
			(a) => a.checks.length
		);
		record.audit = audit.checks;
		if (!audit.passed) {
			record.status = 'rejected_by_audit';
			const failed = audit.checks.filter((c) => !c.passed).map((c) => c.name);
			record.error = { message: `audit failed: ${failed.join(', ')}`, stage: 'audit' };
			return record;
		}

		db.close();
		buildingDb = null;
		const toPublish: string = buildingPath!;
		const published = await step('publish', () =>
			publishVersion(root, toPublish, runId, {
				keep: config.keepVersions,
				now,
				prepare: async (versionDb, version) => {
					const earlier = (await readRunRecords(root)).filter((r) => r.runId < runId);
					await writeRunLogTable(versionDb, [...earlier, { ...record, status: 'published', version, endedAt: fromInstant(now()) }]);
					await versionDb.run(`INSERT OR REPLACE INTO warehouse_meta (key, value) VALUES ('source', $1)`, [describeSources(config)]);
				}
			})
		);
		buildingPath = null;
		record.status = 'published';
		record.version = published.version;
		return record;
	} catch (error) {
		record.status = 'failed';
		record.error = { message: safeErrorMessage(error), stage: currentStep };
		return record;
	} finally {
		previous?.database.close();
		(buildingDb as Database | null)?.close();
		if (buildingPath) await discardVersion(buildingPath);
		record.endedAt = fromInstant(now());
		await writeRunRecord(root, record);
		lock?.release();
	}
}
