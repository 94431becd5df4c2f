// The orchestrator on real stages and real DuckDB files: publishes, says "nothing new", rejects on a failing audit, and discards on a throw.
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../../warehouse/duckdb/database.ts';
import { acquirePipelineLock } from '../../warehouse/versions/pipeline-lock.ts';
import { readCurrent, openPublished, versionPath } from '../../warehouse/versions/version-files.ts';
import { resolveConfig, type PipelineConfig } from '../config/pipeline-config.ts';
import { buildMarts } from '../build/build-marts.ts';
import { fetchSources } from '../fetch/fetch-sources.ts';
import { landFiles, listLandedFiles } from '../land/land-files.ts';
import { mergeInitiatives } from '../merge/merge-initiatives.ts';
import { mergeUnits } from '../merge/merge-units.ts';
import { stageFile } from '../stage/stage-file.ts';
import { validateInitiativeFile } from '../validate/validate-initiatives.ts';
import { validateUnitFile } from '../validate/validate-units.ts';
import type { PipelineStages } from './pipeline-stages.ts';
import { pruneWarehouse } from './prune-warehouse.ts';
import { readRunRecords } from './run-log.ts';
import { buildThreadsFor, describeSources, runPipeline, DEFAULT_MEMORY_LIMIT, MAX_BUILD_THREADS, memoryLimitFor } from './run-pipeline.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');

/** An audit that checks the file identity rows_read = loaded + quarantined + superseded. */
const identityAudit: PipelineStages['auditVersion'] = async (db) => {
	const broken = await db.one<{ n: number }>(
		'SELECT count(*) AS n FROM source_file WHERE rows_read <> rows_loaded + rows_quarantined + rows_superseded'
	);
	return { passed: broken?.n === 0, checks: [{ name: 'file_identity', passed: broken?.n === 0, detail: `${broken?.n} file(s) off` }] };
};

const stages: PipelineStages = {
	fetchSources: (config, ctx) =>
		fetchSources(config.sources, { warehouseDir: config.warehouse, token: '', http: config.http, log: ctx.log }),
	landFiles,
	listLandedFiles,
	stageFile,
	validateUnitFile: (db, staged) => validateUnitFile(db, staged),
	validateInitiativeFile: (db, staged) => validateInitiativeFile(db, staged),
	mergeUnits,
	mergeInitiatives,
	buildMarts,
	auditVersion: identityAudit
};

let dir: string;
let source: string;
let config: PipelineConfig;
let clock: number;
const now = () => clock;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'run-'));
	source = join(dir, 'exports');
	cpSync(join(FIXTURES, 'exports-1'), source, { recursive: true });
	const resolved = resolveConfig({ file: undefined, fileLabel: 'test', fileDir: dir, env: {}, cwd: dir, cli: { sources: [source], warehouse: join(dir, 'warehouse') } });
	if (!resolved.ok) throw new Error(resolved.errors.join('; '));
	config = { ...resolved.config, keepVersions: 2 };
	clock = Date.UTC(2023, 7, 31, 5, 0, 0);
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('runPipeline', () => {
	it('publishes new files, then reports nothing new, then publishes a later snapshot', async () => {
		const first = await runPipeline(config, { stages, now, runIdSuffix: '0001' });
		expect(first.error).toBeNull();
		expect(first.status).toBe('published');
		expect(first.version).toBe('v000001-r20230831-120000-0001');
		expect(first.files.map((f) => [f.name, f.rowsRead, f.rowsLoaded, f.rowsQuarantined])).toEqual([
			['don-vi_20220110-0800.csv', 7, 7, 0],
			['sang-kien_toan-quoc_20220420-0800.csv', 4, 3, 1]
		]);
		expect(Object.keys(first.durationsMs)).toEqual(['fetch', 'land', 'begin', 'stage_units', 'merge_units', 'stage_initiatives', 'merge_initiatives', 'build_marts', 'audit', 'publish']);
		expect(first.rowsPerStage).toMatchObject({ fetch: 2, land: 2, stage_units: 7, merge_units: 7, stage_initiatives: 4, merge_initiatives: 3 });

		clock += 60_000;
		const second = await runPipeline(config, { stages, now, runIdSuffix: '0002' });
		expect(second.status).toBe('nothing_new');
		expect(await readCurrent(config.warehouse)).toBe(first.version);

		cpSync(join(FIXTURES, 'exports-2'), source, { recursive: true });
		clock += 60_000;
		const third = await runPipeline(config, { stages, now, runIdSuffix: '0003' });
		expect(third.status).toBe('published');
		expect(third.files.map((f) => f.name)).toEqual(['sang-kien_toan-quoc_20220531-1700.csv']);
		const published = (await openPublished(config.warehouse))!;
		expect(await published.database.all('SELECT run_id, status FROM run_log ORDER BY run_id')).toEqual([
			{ run_id: 'r20230831-120000-0001', status: 'published' },
			{ run_id: 'r20230831-120100-0002', status: 'nothing_new' },
			{ run_id: 'r20230831-120200-0003', status: 'published' }
		]);
		expect(await published.database.one(`SELECT count(*) AS n FROM initiative WHERE withdrawn_at IS NULL`)).toEqual({ n: 3 });
		expect(await published.database.one(`SELECT value FROM warehouse_meta WHERE key = 'source'`)).toEqual({ value: source });
		published.database.close();
		expect((await readRunRecords(config.warehouse)).map((r) => r.status)).toEqual(['published', 'nothing_new', 'published']);
		expect(readdirSync(join(config.warehouse, 'building'))).toEqual([]);
		expect(existsSync(join(config.warehouse, 'pipeline.lock'))).toBe(false);
	});

	it('rejects a version the audit fails and leaves CURRENT untouched', async () => {
		const failing: PipelineStages = { ...stages, auditVersion: async () => ({ passed: false, checks: [{ name: 'always', passed: false, detail: 'test' }] }) };
		const record = await runPipeline(config, { stages: failing, now, runIdSuffix: '0001' });
		expect(record.status).toBe('rejected_by_audit');
		expect(record.error).toEqual({ message: 'audit failed: always', stage: 'audit' });
		expect(await readCurrent(config.warehouse)).toBeNull();
		expect(readdirSync(join(config.warehouse, 'building'))).toEqual([]);
	});

	it('records a failed stage without personal data and discards the building version', async () => {
		await runPipeline(config, { stages, now, runIdSuffix: '0001' });
		cpSync(join(FIXTURES, 'exports-2'), source, { recursive: true });
		const throwing: PipelineStages = {
			...stages,
			mergeInitiatives: async () => {
				throw new Error('merge broke on author 0912 000 001');
			}
		};
		clock += 60_000;
		const record = await runPipeline(config, { stages: throwing, now, runIdSuffix: '0002' });
		expect(record.status).toBe('failed');
		expect(record.error).toEqual({ message: 'merge broke on author [phone]', stage: 'merge_initiatives' });
		expect(await readCurrent(config.warehouse)).toBe('v000001-r20230831-120000-0001');
		expect(readdirSync(join(config.warehouse, 'building'))).toEqual([]);
	});

	it('describes portal sources without credentials or query', () => {
		expect(describeSources({ sources: [{ kind: 'portal', url: 'https://u:secret@portal.example/api/exports?token=x' }, { kind: 'folder', path: '/data/exports' }] })).toBe(
			'https://portal.example/api/exports, /data/exports'
		);
	});

	it('refuses to run beside a live run and names its pid', async () => {
		const { acquirePipelineLock } = await import('../../warehouse/versions/pipeline-lock.ts');
		const lock = acquirePipelineLock(join(config.warehouse, 'pipeline.lock'));
		const record = await runPipeline(config, { stages, now, runIdSuffix: '0001' });
		lock.release();
		expect(record.status).toBe('failed');
		expect(record.error?.message).toBe(`another pipeline run (pid ${process.pid}) is running`);
	});
});

/** The published version's figures a rebuild must reproduce, and one initiative's title. */
async function publishedState(warehouse: string) {
	const published = (await openPublished(warehouse))!;
	try {
		const db = published.database;
		return {
			version: published.version,
			files: await db.all(`SELECT file_name, sha256, status, rows_read, rows_loaded, rows_quarantined FROM source_file ORDER BY file_name`),
			initiatives: await db.all(`SELECT initiative_id, status, benefit, withdrawn_at FROM initiative ORDER BY initiative_id`),
			periods: await db.all(`SELECT initiative_id, status, from_at, to_at FROM initiative_period ORDER BY initiative_id, from_at`),
			quarantine: await db.all(`SELECT row_number, reason_code FROM quarantine ORDER BY row_number`),
			title: (await db.one<{ title: string }>(`SELECT title FROM initiative WHERE initiative_id = 'SK-2203-0000002'`))!.title
		};
	} finally {
		published.database.close();
	}
}

describe('rebuild', () => {
	it('stages every landed file again, so a staging fix reaches rows an older pipeline stored wrongly', async () => {
		await runPipeline(config, { stages, now, runIdSuffix: '0001' });
		cpSync(join(FIXTURES, 'exports-2'), source, { recursive: true });
		clock += 60_000;
		await runPipeline(config, { stages, now, runIdSuffix: '0002' });
		const before = await publishedState(config.warehouse);
		expect(before.title).toBe('Bài giảng số môn Toán');
		// What a version built before the XLSX decoding fix holds: a character of a title split and replaced.
		const tampered = await Database.open(versionPath(config.warehouse, before.version));
		await tampered.run(`UPDATE staged_initiative SET title = 'Bài giảng s\uFFFD môn Toán' WHERE initiative_id = 'SK-2203-0000002'`);
		await tampered.run(`UPDATE initiative SET title = 'Bài giảng s\uFFFD môn Toán' WHERE initiative_id = 'SK-2203-0000002'`);
		tampered.close();

		clock += 60_000;
		expect((await runPipeline(config, { stages, now, runIdSuffix: '0003' })).status).toBe('nothing_new');
		expect((await publishedState(config.warehouse)).title).toBe('Bài giảng s\uFFFD môn Toán');

		clock += 60_000;
		const rebuilt = await runPipeline(config, { stages, now, runIdSuffix: '0004', rebuild: true });
		expect(rebuilt.error).toBeNull();
		expect(rebuilt.status).toBe('published');
		expect(rebuilt.rebuild).toBe(true);
		expect(rebuilt.baseVersion).toBe(before.version);
		expect(rebuilt.files.map((f) => f.name)).toEqual(['don-vi_20220110-0800.csv', 'sang-kien_toan-quoc_20220420-0800.csv', 'sang-kien_toan-quoc_20220531-1700.csv']);
		const after = await publishedState(config.warehouse);
		expect(after.version).toBe(rebuilt.version);
		expect(after.title).toBe('Bài giảng số môn Toán');
		expect({ ...after, version: '', title: '' }).toEqual({ ...before, version: '', title: '' });
		const published = (await openPublished(config.warehouse))!;
		expect(await published.database.all(`SELECT run_id, status, record->>'rebuild' AS rebuild FROM run_log ORDER BY run_id`)).toEqual([
			{ run_id: 'r20230831-120000-0001', status: 'published', rebuild: null },
			{ run_id: 'r20230831-120100-0002', status: 'published', rebuild: null },
			{ run_id: 'r20230831-120200-0003', status: 'nothing_new', rebuild: null },
			{ run_id: 'r20230831-120300-0004', status: 'published', rebuild: 'true' }
		]);
		published.database.close();
	});

	it('is refused, naming the files, once prune removed a file the published version loaded', async () => {
		const first = await runPipeline(config, { stages, now, runIdSuffix: '0001' });
		const landed = await listLandedFiles(config.warehouse);
		const longAgo = new Date(clock - 40 * 86_400_000);
		for (const file of landed) await utimes(file.path, longAgo, longAgo);
		const pruned = await pruneWarehouse(config.warehouse, { olderThanDays: 30, now });
		expect(pruned.version).toBe(first.version);
		expect(pruned.removed.map((f) => f.name).sort()).toEqual(['don-vi_20220110-0800.csv', 'sang-kien_toan-quoc_20220420-0800.csv']);
		// The source no longer offers them either (while it does, a run lands them again and a rebuild can use them).
		rmSync(source, { recursive: true });
		cpSync(join(FIXTURES, 'exports-2'), source, { recursive: true });

		clock += 60_000;
		const record = await runPipeline(config, { stages, now, runIdSuffix: '0002', rebuild: true });
		expect(record.status).toBe('failed');
		expect(record.error?.message).toBe(
			`cannot rebuild: 2 file(s) loaded into ${first.version} are no longer landed (removed by prune?): don-vi_20220110-0800.csv, sang-kien_toan-quoc_20220420-0800.csv`
		);
		expect(await readCurrent(config.warehouse)).toBe(first.version);
		expect(readdirSync(join(config.warehouse, 'building'))).toEqual([]);
	});
});

describe('pruneWarehouse', () => {
	it('removes only old files the published version loaded: never one still to load, never beside a run', async () => {
		await runPipeline(config, { stages, now, runIdSuffix: '0001' });
		// The later snapshot lands (as a run that failed before publishing would leave it) but is not loaded yet.
		cpSync(join(FIXTURES, 'exports-2'), source, { recursive: true });
		const [pending] = await landFiles(config.warehouse, (await fetchSources(config.sources, { warehouseDir: config.warehouse, token: '', http: config.http, log: () => {} })).files.filter((f) => f.name.includes('20220531')));
		const longAgo = new Date(clock - 40 * 86_400_000);
		for (const file of await listLandedFiles(config.warehouse)) await utimes(file.path, longAgo, longAgo);

		const lock = acquirePipelineLock(join(config.warehouse, 'pipeline.lock'));
		await expect(pruneWarehouse(config.warehouse, { olderThanDays: 30, now })).rejects.toThrow(`another pipeline run (pid ${process.pid}) is running`);
		lock.release();

		const listed = await pruneWarehouse(config.warehouse, { olderThanDays: 30, now, dryRun: true });
		expect(listed.removed.map((f) => f.name).sort()).toEqual(['don-vi_20220110-0800.csv', 'sang-kien_toan-quoc_20220420-0800.csv']);
		expect(listed.kept).toBe(1);
		expect(await listLandedFiles(config.warehouse)).toHaveLength(3);
		expect(await pruneWarehouse(config.warehouse, { olderThanDays: 60, now })).toMatchObject({ removed: [], kept: 3 });

		const report = await pruneWarehouse(config.warehouse, { olderThanDays: 30, now });
		expect(report).toEqual(listed);
		expect((await listLandedFiles(config.warehouse)).map((f) => f.name)).toEqual([pending!.name]);

		clock += 60_000;
		const next = await runPipeline(config, { stages, now, runIdSuffix: '0002' });
		expect(next.status).toBe('published');
		expect(next.files.map((f) => f.name)).toEqual(['sang-kien_toan-quoc_20220531-1700.csv']);
	});
});

describe('buildThreadsFor', () => {
	it('uses every core up to the cap, and at least one thread', () => {
		expect(buildThreadsFor(2)).toBe(2);
		expect(buildThreadsFor(1)).toBe(1);
		expect(buildThreadsFor(0)).toBe(1);
		expect(buildThreadsFor(64)).toBe(MAX_BUILD_THREADS);
	});
});

describe('memoryLimitFor', () => {
	it('takes the option, else SANG_KIEN_DUCKDB_MEMORY_LIMIT, else the default, and refuses anything DuckDB would not read', () => {
		expect(memoryLimitFor('800MB', { SANG_KIEN_DUCKDB_MEMORY_LIMIT: '3GB' })).toBe('800MB');
		expect(memoryLimitFor(undefined, { SANG_KIEN_DUCKDB_MEMORY_LIMIT: ' 3GB ' })).toBe('3GB');
		expect(memoryLimitFor(undefined, {})).toBe(DEFAULT_MEMORY_LIMIT);
		expect(() => memoryLimitFor(undefined, { SANG_KIEN_DUCKDB_MEMORY_LIMIT: '3GB; DROP TABLE unit' })).toThrow(/memory limit/u);
	});
});
