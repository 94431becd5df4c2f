// The explicit retention command behind `npm run pipeline -- prune`: removes landed files older than the retention age whose rows the published version holds.
import { acquirePipelineLock } from '../../warehouse/versions/pipeline-lock.ts';
import { openPublished } from '../../warehouse/versions/version-files.ts';
import { warehousePaths } from '../../warehouse/versions/warehouse-paths.ts';
import { pruneLanded, type PruneReport } from '../land/prune-landed.ts';

export interface PruneWarehouseOptions {
	olderThanDays: number;
	/** Only list what would be removed. */
	dryRun?: boolean;
	/** Injected clock, milliseconds since the epoch. */
	now?: () => number;
}

export interface PruneWarehouseReport extends PruneReport {
	/** The published version whose loaded files may go, or null (then nothing goes). */
	version: string | null;
}

/**
 * Removes (or with dryRun lists) landed files landed more than `olderThanDays` days ago whose checksum the published version
 * loaded. A file not loaded yet, or rejected (a later fix may load it: see the run's rebuild), always stays; so does everything
 * when nothing is published. Holds the pipeline lock, so no run reads the landed folder meanwhile; throws if a run holds it.
 * Afterwards a rebuild (which stages every landed file again) is refused: the published version's rows are then the only copy.
 */
export async function pruneWarehouse(root: string, options: PruneWarehouseOptions): Promise<PruneWarehouseReport> {
	const lock = acquirePipelineLock(warehousePaths(root).lock);
	try {
		const published = await openPublished(root);
		const loaded = new Set<string>();
		if (published) {
			try {
				const rows = await published.database.all<{ sha256: string }>(`SELECT DISTINCT sha256 FROM source_file WHERE status = 'loaded'`);
				for (const row of rows) loaded.add(row.sha256);
			} finally {
				published.database.close();
			}
		}
		const report = await pruneLanded(root, { olderThanDays: options.olderThanDays, keeps: (sha256) => !loaded.has(sha256), now: options.now, dryRun: options.dryRun });
		return { ...report, version: published?.version ?? null };
	} finally {
		lock.release();
	}
}
