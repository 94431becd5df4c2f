// Explicit retention command: removes landed files landed more than N days ago unless their checksum is kept. Never called by runs.
import { readdir, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { landedNames, landedRoot } from './land-files.ts';

export interface PruneOptions {
	/** Landed files whose landing time (file mtime) is older than this many days are removed. */
	olderThanDays: number;
	/** Whether the files of a checksum stay whatever their age (e.g. those a warehouse version has not loaded). */
	keeps: (sha256: string) => boolean;
	/** Injected clock, milliseconds since the epoch. */
	now?: () => number;
	/** Only report what would be removed. */
	dryRun?: boolean;
}

export interface PruneReport {
	removed: { sha256: string; name: string; sizeBytes: number }[];
	kept: number;
}

/** Removes old landed files whose checksum it does not keep (or, with dryRun, lists them); empty checksum folders go too. */
export async function pruneLanded(warehouseDir: string, options: PruneOptions): Promise<PruneReport> {
	if (!Number.isFinite(options.olderThanDays) || options.olderThanDays < 0) {
		throw new Error(`olderThanDays must be a number ≥ 0, got ${options.olderThanDays}`);
	}
	const cutoff = (options.now ?? Date.now)() - options.olderThanDays * 86_400_000;
	const report: PruneReport = { removed: [], kept: 0 };
	let folders: string[];
	try {
		folders = await readdir(landedRoot(warehouseDir));
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return report;
		throw error;
	}
	for (const sha256 of folders.sort()) {
		const names = await landedNames(warehouseDir, sha256);
		let left = names.length;
		for (const name of names) {
			const path = join(landedRoot(warehouseDir), sha256, name);
			const { mtimeMs, size } = await stat(path);
			if (options.keeps(sha256) || mtimeMs >= cutoff) {
				report.kept += 1;
				continue;
			}
			if (!options.dryRun) await unlink(path);
			report.removed.push({ sha256, name, sizeBytes: size });
			left -= 1;
		}
		if (!options.dryRun && names.length > 0 && left === 0) await rm(join(landedRoot(warehouseDir), sha256), { recursive: true });
	}
	return report;
}
