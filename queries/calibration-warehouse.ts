// Builds (once, cached under var/cache/) the warehouse the published-figures test reads: the default scale-1 simulated portal's exports at the published figures' as-of times, loaded by the real pipeline CLI.
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ensureSimulatedExports, simulatedExportsDir, withProcessLock } from '../pipelines/simulated-portal/simulated-exports-cache.ts';
import { runPipelineCli } from './bench/simulated-warehouse.ts';

/**
 * National snapshots (sang-kien_toan-quoc_<YYYYMMDD-HHmm>) the published figures need: every one up to the minute of the
 * 1,000,000th initiative (03/10/2022 16:00, so withdrawals before it are dated as in a full load), then the close
 * (31/08/2023 23:59) and the final count (08/10/2023 08:00). Every as-of time of the figures is the export time of one
 * of them, so the state answered is that snapshot's, as in a load of every export. The ten month-end snapshots between
 * (31/10/2022 … 31/07/2023, 6 GB) are left out to keep `npm test`'s time and disk small; unit trees and unit exports are all kept.
 */
const LAST_EARLY_SNAPSHOT = '20221003-1600';
const LATE_SNAPSHOTS = new Set(['20230831-2359', '20231008-0800']);

/** Does the published-figures warehouse load this export file? (pure) */
export function isCalibrationExport(fileName: string): boolean {
	const national = /^sang-kien_toan-quoc_(\d{8}-\d{4})\./.exec(fileName);
	if (!national) return /^(don-vi|sang-kien)_/.test(fileName);
	const stamp = national[1]!;
	return stamp <= LAST_EARLY_SNAPSHOT || LATE_SNAPSHOTS.has(stamp);
}

/** The cached warehouse directory: var/cache/warehouse-calibration-<sim dir name>/. */
export function calibrationWarehouseDir(): string {
	const exports = simulatedExportsDir({ scale: 1 });
	return join(dirname(exports), `warehouse-calibration-${basename(exports)}`);
}

function linkOrCopy(from: string, to: string): void {
	try {
		linkSync(from, to);
	} catch {
		copyFileSync(from, to);
	}
}

/** Returns a warehouse directory with a published version of the calibration exports, simulating and loading them when absent. */
export function ensureCalibrationWarehouse(): string {
	const warehouse = calibrationWarehouseDir();
	if (existsSync(join(warehouse, 'CURRENT'))) return warehouse;
	const exports = ensureSimulatedExports({ scale: 1 });
	return withProcessLock(`${warehouse}.lock`, () => {
		if (existsSync(join(warehouse, 'CURRENT'))) return warehouse;
		const source = `${warehouse}-source`;
		rmSync(source, { recursive: true, force: true });
		mkdirSync(source, { recursive: true });
		for (const name of readdirSync(exports).filter(isCalibrationExport)) linkOrCopy(join(exports, name), join(source, name));
		runPipelineCli(source, warehouse);
		return warehouse;
	});
}
