// Write–audit–publish on files: a run builds a copy of the published version, then publishes it by renaming and switching CURRENT.
import { constants } from 'node:fs';
import { copyFile, mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Database } from '../duckdb/database.ts';
import { fromInstant } from '../time/wall-clock.ts';
import { buildingFile, parseVersionFile, versionName, warehousePaths } from './warehouse-paths.ts';

export interface BuildingVersion {
	runId: string;
	path: string;
	/** The published version it started from, or null for a first build. */
	baseVersion: string | null;
	/** Abandoned building files removed before starting. */
	removed: string[];
}

export interface PublishedVersion {
	version: string;
	path: string;
	pruned: string[];
}

export interface PublishOptions {
	/** Published versions to keep (the current one always stays); default 3. */
	keep?: number;
	now?: () => number;
	/** Runs on the open building database once the version name is known (e.g. to copy the run log in). */
	prepare?: (db: Database, version: string) => Promise<void>;
}

/** The version named in CURRENT (without ".duckdb"), or null before the first publish. */
export async function readCurrent(root: string): Promise<string | null> {
	try {
		const line = (await readFile(warehousePaths(root).current, 'utf8')).trim();
		const parsed = parseVersionFile(line);
		if (!parsed) throw new Error(`CURRENT names no version file: "${line}"`);
		return parsed.version;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
		throw error;
	}
}

/** Published version names, oldest first. */
export async function listVersions(root: string): Promise<string[]> {
	const names = await readdir(warehousePaths(root).versions).catch(() => [] as string[]);
	return names
		.map(parseVersionFile)
		.filter((v) => v !== undefined)
		.sort((a, b) => a.sequence - b.sequence)
		.map((v) => v.version);
}

export function versionPath(root: string, version: string): string {
	return join(warehousePaths(root).versions, `${version}.duckdb`);
}

/**
 * Starts a run's version: removes building files of abandoned runs, then copies the published version
 * (reflink where the file system allows) or creates an empty database (always, with `fromScratch`: a rebuild).
 * Call it holding the pipeline lock: every other building file then belongs to a dead run.
 */
export async function beginVersion(root: string, runId: string, options: { fromScratch?: boolean } = {}): Promise<BuildingVersion> {
	const paths = warehousePaths(root);
	await Promise.all([paths.building, paths.versions, paths.runs].map((dir) => mkdir(dir, { recursive: true })));
	const path = buildingFile(root, runId);
	const removed: string[] = [];
	for (const name of await readdir(paths.building)) {
		if (name.startsWith(`${runId}.`)) continue;
		await rm(join(paths.building, name), { recursive: true, force: true });
		removed.push(name);
	}
	await rm(path, { force: true });
	await rm(`${path}.wal`, { force: true });
	const baseVersion = await readCurrent(root);
	if (baseVersion && !options.fromScratch) {
		await copyFile(versionPath(root, baseVersion), path, constants.COPYFILE_FICLONE);
	} else {
		(await Database.open(path)).close();
	}
	return { runId, path, baseVersion, removed };
}

/** Discards a run's building file (failed or rejected runs) with its WAL and DuckDB's spill folder. */
export async function discardVersion(buildingPath: string): Promise<void> {
	await rm(buildingPath, { force: true });
	await rm(`${buildingPath}.wal`, { force: true });
	await rm(`${buildingPath}.tmp`, { recursive: true, force: true });
}

async function fsyncPath(path: string): Promise<void> {
	const handle = await open(path, 'r');
	try {
		await handle.sync();
	} finally {
		await handle.close();
	}
}

async function nextSequence(root: string): Promise<number> {
	const sequences = (await listVersions(root)).map((v) => parseVersionFile(`${v}.duckdb`)!.sequence);
	const current = await readCurrent(root);
	if (current) sequences.push(parseVersionFile(`${current}.duckdb`)!.sequence);
	return Math.max(0, ...sequences) + 1;
}

/**
 * Publishes a building file whose Database is closed: records the version in warehouse_meta, CHECKPOINTs,
 * closes, renames it into versions/, switches CURRENT (CURRENT.tmp + fsync + rename), then prunes.
 */
export async function publishVersion(root: string, buildingPath: string, runId: string, options: PublishOptions = {}): Promise<PublishedVersion> {
	const paths = warehousePaths(root);
	const now = options.now ?? Date.now;
	const version = versionName(await nextSequence(root), runId);
	const db = await Database.open(buildingPath);
	try {
		await options.prepare?.(db, version);
		const meta: [string, string][] = [
			['version', version],
			['run_id', runId],
			['published_at', fromInstant(now())]
		];
		for (const [key, value] of meta) {
			await db.run('INSERT OR REPLACE INTO warehouse_meta (key, value) VALUES ($1, $2)', [key, value]);
		}
		await db.run('CHECKPOINT');
	} finally {
		db.close();
	}
	await rm(`${buildingPath}.wal`, { force: true });
	await rm(`${buildingPath}.tmp`, { recursive: true, force: true });
	await fsyncPath(buildingPath);
	const path = versionPath(root, version);
	await mkdir(paths.versions, { recursive: true });
	await rename(buildingPath, path);
	await fsyncPath(paths.versions);
	const tmp = await open(paths.currentTmp, 'w');
	try {
		await tmp.writeFile(`${version}.duckdb\n`);
		await tmp.sync();
	} finally {
		await tmp.close();
	}
	await rename(paths.currentTmp, paths.current);
	await fsyncPath(root);
	const pruned = await pruneVersions(root, options.keep ?? 3);
	return { version, path, pruned };
}

/** Which versions to delete so that the newest `keep` remain, never the current one (pure). */
export function versionsToPrune(versions: string[], current: string | null, keep: number): string[] {
	const kept = new Set(versions.slice(-Math.max(1, keep)));
	if (current) kept.add(current);
	return versions.filter((v) => !kept.has(v));
}

/** Deletes old versions; readers that still have one open keep reading it (the file lives until closed). */
export async function pruneVersions(root: string, keep: number): Promise<string[]> {
	const doomed = versionsToPrune(await listVersions(root), await readCurrent(root), keep);
	for (const version of doomed) {
		await rm(versionPath(root, version), { force: true });
		await rm(`${versionPath(root, version)}.wal`, { force: true });
	}
	return doomed;
}

/** The current published version opened read-only, or null before the first publish. */
export async function openPublished(root: string): Promise<{ database: Database; version: string } | null> {
	for (let attempt = 0; ; attempt++) {
		const version = await readCurrent(root);
		if (!version) return null;
		try {
			const database = await Database.open(versionPath(root, version), { readOnly: true });
			return { database, version };
		} catch (error) {
			// A publish may have switched CURRENT and pruned this version between the read and the open.
			if (attempt >= 2 || (await readCurrent(root)) === version) throw error;
		}
	}
}
