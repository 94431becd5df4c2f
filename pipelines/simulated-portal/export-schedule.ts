// Which files the simulated portal exports and when: national snapshots, per-unit snapshots, unit trees, and the rejected extras.
import { minuteOf, parseMinute, stampMinute } from './calendar.ts';

export type Schedule = 'full' | 'close';
export type ExportFormat = 'csv' | 'xlsx' | 'json';

export interface ExportFile {
	name: string;
	dataset: 'initiatives' | 'units';
	/** 'toan-quoc' or a level-1 unit code ('' for the unit tree). */
	scope: string;
	/** Export time in programme minutes. */
	at: number;
	format: ExportFormat;
	gzip: boolean;
	/** XLSX: a title row above the header. */
	titleRows?: number;
	/** Extra files made to be rejected whole. */
	reject?: 'missing_header' | 'truncated_file';
}

/** Published calibration times with a national snapshot. */
export const CALIBRATION_SNAPSHOTS = ['26/03/2022 23:59', '10/04/2022 06:00', '20/04/2022 08:00', '22/04/2022 17:00', '31/05/2022 23:59', '03/10/2022 16:00', '31/08/2023 23:59', '08/10/2023 08:00'].map(parseMinute);
/** The two closing national snapshots (never carry a quarantine fault). */
export const CLOSE_AT = parseMinute('31/08/2023 23:59');
export const FINAL_AT = parseMinute('08/10/2023 08:00');
/** Unit-tree export times. */
const UNIT_EXPORTS: [string, ExportFormat, boolean][] = [
	['08/01/2022 07:00', 'csv', false],
	['20/04/2022 08:00', 'csv', false],
	['31/05/2022 23:59', 'json', false],
	['31/12/2022 23:59', 'csv', true],
	['31/08/2023 23:59', 'csv', false]
];

/** Month ends (23:59) from January 2022 to August 2023. */
function monthEnds(): number[] {
	const ends: number[] = [];
	for (let k = 0; k < 20; k++) {
		const year = 2022 + Math.floor((k + 1) / 12);
		const month = ((k + 1) % 12) + 1;
		ends.push(minuteOf(year, month, 1) - 1);
	}
	return ends;
}

/** Every national snapshot time of the full schedule, ascending (also the only times initiatives are withdrawn). */
export function nationalSnapshotTimes(): number[] {
	return [...new Set([...CALIBRATION_SNAPSHOTS, ...monthEnds()])].sort((a, b) => a - b);
}

/** Per-level-1-unit snapshots of the full schedule: small units, mid-month times, every format. */
const UNIT_SNAPSHOTS: [string, string, ExportFormat, boolean, number?][] = [
	['T06', '15/03/2022 10:00', 'csv', false],
	['T12', '15/03/2022 10:00', 'xlsx', false, 1],
	['N01', '15/04/2022 09:30', 'json', false],
	['T04', '15/05/2022 14:00', 'csv', true],
	['C05', '15/06/2022 10:00', 'xlsx', false, 2],
	['T62', '15/07/2022 11:00', 'json', true],
	['T58', '15/09/2022 15:00', 'csv', false],
	['T11', '15/11/2022 10:00', 'xlsx', false, 1],
	['C06', '15/02/2023 09:00', 'json', false],
	['T06', '15/04/2023 10:00', 'xlsx', false, 1],
	['C08', '15/06/2023 16:00', 'csv', true],
	['T12', '15/07/2023 10:00', 'json', true],
	['N02', '15/08/2023 10:00', 'csv', false],
	['T77', '25/08/2023 17:00', 'xlsx', false, 1]
];
/** Extra files made to be rejected (non-calibration times, small scopes). */
const REJECTED: [string, string, 'missing_header' | 'truncated_file'][] = [
	['T12', '10/06/2022 10:00', 'missing_header'],
	['T06', '10/01/2023 10:00', 'truncated_file']
];

function initiativesName(scope: string, at: number, format: ExportFormat, gzip: boolean): string {
	return `sang-kien_${scope}_${stampMinute(at)}.${format}${gzip ? '.gz' : ''}`;
}

/** The files of a schedule, in a fixed order. */
export function exportFiles(schedule: Schedule, dirty: number): ExportFile[] {
	const files: ExportFile[] = [];
	const units = schedule === 'full' ? UNIT_EXPORTS : UNIT_EXPORTS.slice(-1);
	for (const [time, format, gzip] of units) {
		const at = parseMinute(time);
		files.push({ name: `don-vi_${stampMinute(at)}.${format}${gzip ? '.gz' : ''}`, dataset: 'units', scope: '', at, format, gzip });
	}
	const national = schedule === 'full' ? nationalSnapshotTimes() : [CLOSE_AT, FINAL_AT];
	for (const at of national) files.push({ name: initiativesName('toan-quoc', at, 'csv', false), dataset: 'initiatives', scope: 'toan-quoc', at, format: 'csv', gzip: false });
	if (schedule === 'full') {
		for (const [scope, time, format, gzip, titleRows] of UNIT_SNAPSHOTS) {
			const at = parseMinute(time);
			files.push({ name: initiativesName(scope, at, format, gzip), dataset: 'initiatives', scope, at, format, gzip, titleRows });
		}
		if (dirty > 0) {
			for (const [scope, time, reject] of REJECTED) {
				const at = parseMinute(time);
				files.push({ name: initiativesName(scope, at, 'csv', false), dataset: 'initiatives', scope, at, format: 'csv', gzip: false, reject });
			}
		}
	}
	return files;
}
