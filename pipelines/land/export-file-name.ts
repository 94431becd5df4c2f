// The only parser of portal export file names: dataset, scope, export time (wall-clock ISO), format and gzip.
import { fromFileStamp } from '../../warehouse/time/wall-clock.ts';

export type ExportDataset = 'initiatives' | 'units';
export type ExportFormat = 'csv' | 'xlsx' | 'json';

export interface ExportFileName {
	dataset: ExportDataset;
	/** `toan-quoc`, a level-1 unit code (`T38`, `N03`, `C01`), or null for the unit tree. */
	scope: string | null;
	/** Viet Nam wall-clock time without zone, e.g. `2022-04-20T08:00:00`. */
	exportedAt: string;
	format: ExportFormat;
	gzip: boolean;
}

export type ParsedExportFileName = { ok: true; file: ExportFileName } | { ok: false; message: string };

const EXPECTED =
	'expected sang-kien_<scope>_<YYYYMMDD-HHmm>.<csv|xlsx|json>[.gz] or don-vi_<YYYYMMDD-HHmm>.<csv|xlsx|json>[.gz]';
const LEVEL1_CODE = /^[TNC]\d{2}$/u;
const FORMATS: readonly string[] = ['csv', 'xlsx', 'json'];

/** Parses `sang-kien_<scope>_<YYYYMMDD-HHmm>.<ext>[.gz]` or `don-vi_<YYYYMMDD-HHmm>.<ext>[.gz]`. */
export function parseExportFileName(name: string): ParsedExportFileName {
	const fail = (why: string): ParsedExportFileName => ({ ok: false, message: `${why} in "${name}" (${EXPECTED})` });
	const dot = name.indexOf('.');
	if (dot < 0) return fail('missing extension');
	const stem = name.slice(0, dot);
	const extension = name.slice(dot + 1);
	const gzip = extension.endsWith('.gz');
	const format = gzip ? extension.slice(0, -'.gz'.length) : extension;
	if (!FORMATS.includes(format)) return fail(`unknown format ".${extension}"`);

	const parts = stem.split('_');
	let dataset: ExportDataset;
	let scope: string | null;
	let stamp: string | undefined;
	if (parts[0] === 'sang-kien') {
		if (parts.length !== 3) return fail('initiatives export needs a scope and a time');
		dataset = 'initiatives';
		scope = parts[1] ?? '';
		stamp = parts[2];
		if (scope !== 'toan-quoc' && !LEVEL1_CODE.test(scope)) {
			return fail(`unknown scope "${scope}" (toan-quoc or a level-1 unit code such as T38, N03, C01)`);
		}
	} else if (parts[0] === 'don-vi') {
		if (parts.length !== 2) return fail('unit export takes a time and no scope');
		dataset = 'units';
		scope = null;
		stamp = parts[1];
	} else {
		return fail('not an export file name');
	}
	const exportedAt = fromFileStamp(stamp ?? '');
	if (exportedAt === undefined) return fail(`invalid export time "${stamp ?? ''}"`);
	return { ok: true, file: { dataset, scope, exportedAt, format: format as ExportFormat, gzip } };
}

/** Like parseExportFileName, but throws the message. */
export function requireExportFileName(name: string): ExportFileName {
	const parsed = parseExportFileName(name);
	if (!parsed.ok) throw new Error(parsed.message);
	return parsed.file;
}
