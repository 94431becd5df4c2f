// The layout of a warehouse directory (pipelines/CONTRACTS.md "Directories") and the names inside it.
import { join } from 'node:path';

export interface WarehousePaths {
	root: string;
	landed: string;
	building: string;
	versions: string;
	runs: string;
	current: string;
	currentTmp: string;
	lock: string;
}

export function warehousePaths(root: string): WarehousePaths {
	return {
		root,
		landed: join(root, 'landed'),
		building: join(root, 'building'),
		versions: join(root, 'versions'),
		runs: join(root, 'runs'),
		current: join(root, 'CURRENT'),
		currentTmp: join(root, 'CURRENT.tmp'),
		lock: join(root, 'pipeline.lock')
	};
}

const VERSION_FILE = /^v(\d{6})-(r\d{8}-\d{6}-[0-9a-f]{4})\.duckdb$/u;

/** "v000007-r20230831-120000-ab12" of sequence 7 and a run id. */
export function versionName(sequence: number, runId: string): string {
	return `v${String(sequence).padStart(6, '0')}-${runId}`;
}

/** The sequence and run id of a version file name, or undefined when it is not one. */
export function parseVersionFile(fileName: string): { version: string; sequence: number; runId: string } | undefined {
	const match = VERSION_FILE.exec(fileName);
	if (!match) return undefined;
	return { version: fileName.slice(0, -'.duckdb'.length), sequence: Number(match[1]), runId: match[2]! };
}

/** The building file of a run. */
export function buildingFile(root: string, runId: string): string {
	return join(root, 'building', `${runId}.duckdb`);
}
