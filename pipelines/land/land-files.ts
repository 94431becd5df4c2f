// Lands fetched files immutably at <warehouse>/landed/<sha256>/<name> (copy to temp, chmod 0444, rename); re-landing is a no-op.
// Downloads in <warehouse>/incoming belong to the pipeline, so they are moved instead of copied (no second pass over 1 GB).
import { constants } from 'node:fs';
import { chmod, copyFile, mkdir, readdir, rename, stat, unlink } from 'node:fs/promises';
import { join, relative, isAbsolute } from 'node:path';
import type { FetchedFile } from '../fetch/fetched-file.ts';
import { requireExportFileName, type ExportFileName } from './export-file-name.ts';

export interface LandedFile extends ExportFileName {
	sha256: string;
	name: string;
	path: string;
	sizeBytes: number;
	/** True when this sha256 and name were landed by an earlier run. */
	alreadyLanded: boolean;
}

const SHA256 = /^[0-9a-f]{64}$/u;

/** `<warehouse>/landed`. */
export function landedRoot(warehouseDir: string): string {
	return join(warehouseDir, 'landed');
}

/** Where a file with this checksum and name lands; refuses anything that could leave the landed folder. */
export function landedPath(warehouseDir: string, sha256: string, name: string): string {
	if (!SHA256.test(sha256)) throw new Error(`invalid sha256 "${sha256}" for ${name}`);
	requireExportFileName(name);
	return join(landedRoot(warehouseDir), sha256, name);
}

async function sizeOf(path: string): Promise<number | undefined> {
	try {
		return (await stat(path)).size;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw error;
	}
}

/** `<warehouse>/incoming`: where the fetch stage downloads; files there are the pipeline's own. */
export function incomingDir(warehouseDir: string): string {
	return join(warehouseDir, 'incoming');
}

function isIncoming(warehouseDir: string, path: string): boolean {
	const rel = relative(incomingDir(warehouseDir), path);
	return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** Names landed under one checksum (empty when none). */
export async function landedNames(warehouseDir: string, sha256: string): Promise<string[]> {
	if (!SHA256.test(sha256)) return [];
	try {
		const entries = await readdir(join(landedRoot(warehouseDir), sha256), { withFileTypes: true });
		return entries.filter((e) => e.isFile() && !e.name.startsWith('.')).map((e) => e.name).sort();
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
		throw error;
	}
}

async function moveOrCopy(from: string, to: string): Promise<void> {
	try {
		await rename(from, to);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
		await copyFile(from, to, constants.COPYFILE_FICLONE);
		await unlink(from);
	}
}

/** Lands one file, or reports it already landed. */
export async function landFile(warehouseDir: string, file: FetchedFile): Promise<LandedFile> {
	const parsed = requireExportFileName(file.name);
	const target = landedPath(warehouseDir, file.sha256, file.name);
	const landed = { ...parsed, sha256: file.sha256, name: file.name, path: target, sizeBytes: file.sizeBytes };
	const owned = isIncoming(warehouseDir, file.path);
	const existing = await sizeOf(target);
	if (existing !== undefined) {
		if (existing !== file.sizeBytes) {
			throw new Error(`landed ${file.name} (${file.sha256}) has ${existing} bytes, expected ${file.sizeBytes}`);
		}
		if (owned) await unlink(file.path).catch(() => undefined);
		return { ...landed, alreadyLanded: true };
	}
	const folder = join(landedRoot(warehouseDir), file.sha256);
	await mkdir(folder, { recursive: true });
	const temp = join(folder, `.${file.name}.${process.pid}-${Date.now()}.tmp`);
	try {
		if (owned) await moveOrCopy(file.path, temp);
		else await copyFile(file.path, temp, constants.COPYFILE_FICLONE);
		const copied = await sizeOf(temp);
		if (copied !== file.sizeBytes) {
			throw new Error(`copy of ${file.name} has ${copied} bytes, expected ${file.sizeBytes} (source changed?)`);
		}
		await chmod(temp, 0o444);
		await rename(temp, target);
	} catch (error) {
		await unlink(temp).catch(() => undefined);
		throw error;
	}
	return { ...landed, alreadyLanded: false };
}

/** Lands every fetched file in order; the same checksum and name twice lands once. */
export async function landFiles(warehouseDir: string, files: readonly FetchedFile[]): Promise<LandedFile[]> {
	const result: LandedFile[] = [];
	for (const file of files) result.push(await landFile(warehouseDir, file));
	return result;
}

/** Every landed file, sorted by export time then name then checksum. */
export async function listLandedFiles(warehouseDir: string): Promise<LandedFile[]> {
	let folders: string[];
	try {
		folders = (await readdir(landedRoot(warehouseDir), { withFileTypes: true }))
			.filter((e) => e.isDirectory() && SHA256.test(e.name))
			.map((e) => e.name);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
		throw error;
	}
	const files: LandedFile[] = [];
	for (const sha256 of folders) {
		for (const name of await landedNames(warehouseDir, sha256)) {
			const path = join(landedRoot(warehouseDir), sha256, name);
			const size = await sizeOf(path);
			if (size === undefined) continue;
			files.push({ ...requireExportFileName(name), sha256, name, path, sizeBytes: size, alreadyLanded: true });
		}
	}
	return files.sort(
		(a, b) =>
			a.exportedAt.localeCompare(b.exportedAt) || a.name.localeCompare(b.name) || a.sha256.localeCompare(b.sha256)
	);
}
