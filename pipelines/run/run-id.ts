// Run ids "r<YYYYMMDD-HHmmss>-<4 hex>" from the injected clock, as Viet Nam wall-clock (pipelines/CONTRACTS.md).
import { randomBytes } from 'node:crypto';
import { fromInstant } from '../../warehouse/time/wall-clock.ts';

const RUN_ID = /^r\d{8}-\d{6}-[0-9a-f]{4}$/u;

/** The run id of a run started at epochMs; `hex` defaults to 4 random hex digits. */
export function makeRunId(epochMs: number, hex: string = randomBytes(2).toString('hex')): string {
	const wall = fromInstant(epochMs); // "2023-08-31T12:00:00"
	const stamp = `${wall.slice(0, 10).replaceAll('-', '')}-${wall.slice(11, 19).replaceAll(':', '')}`;
	const id = `r${stamp}-${hex}`;
	if (!RUN_ID.test(id)) throw new Error(`invalid run id "${id}"`);
	return id;
}

export function isRunId(text: string): boolean {
	return RUN_ID.test(text);
}
