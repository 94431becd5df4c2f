// Writes a list of export files for one simulated population, injecting dirt and collecting the fault manifest entries.
import { join } from 'node:path';
import { excelSerial, formatMinute, stampMinute } from './calendar.ts';
import { csvStyle, DirtInjector, type DirtyRow, type Fault } from './dirt.ts';
import { CLOSE_AT, FINAL_AT, type ExportFile } from './export-schedule.ts';
import { CsvWriter, writeJson, writeXlsx, type WrittenFile } from './export-writers.ts';
import { COLUMN, INITIATIVE_HEADERS, InitiativeRenderer } from './initiative-rows.ts';
import type { Population } from './population.ts';
import { hash3, textCode } from './prng.ts';
import { writeSnapshots } from './snapshot-pass.ts';
import { UNIT_HEADERS, unitRows } from './unit-rows.ts';
import type { UnitTree } from './unit-tree.ts';
import { referenceData } from '../../warehouse/reference/reference-data.ts';

export interface ExportContext {
	tree: UnitTree;
	population: Population;
	seed: number;
	dirty: number;
	outDir: string;
}

/** What the unit-tree exports need (no population: they can be written while it is generated). */
export type UnitContext = Omit<ExportContext, 'population'>;

export interface FileResult {
	name: string;
	sha256: string;
	bytes: number;
	rows: number;
}

export interface WriteResult {
	files: FileResult[];
	faults: Fault[];
}

/** CSV initiative files, except those made to be rejected, are written together in one pass. */
function inSnapshotPass(file: ExportFile): boolean {
	return file.dataset === 'initiatives' && file.format === 'csv' && !file.reject;
}

/** Writes the files and returns their checksums, row counts and faults. */
export async function writeExportFiles(context: ExportContext, files: readonly ExportFile[]): Promise<WriteResult> {
	const renderer = new InitiativeRenderer(context.tree, context.population, context.seed);
	const dirt = new DirtInjector(renderer, context.seed, context.dirty);
	const result: WriteResult = { files: [], faults: [] };
	const snapshots = writeSnapshots(renderer, dirt, context.dirty, context.outDir, files.filter(inSnapshotPass));
	for (const file of files) {
		const snapshot = snapshots.get(file.name);
		if (snapshot) {
			const { faults, ...written } = snapshot;
			result.files.push({ name: file.name, ...written });
			result.faults.push(...faults);
			continue;
		}
		const faults: Fault[] = [];
		const written = file.dataset === 'units' ? writeUnits(context, file, faults) : await writeInitiatives(context, renderer, dirt, file, faults);
		result.files.push({ name: file.name, ...written });
		result.faults.push(...faults);
	}
	return result;
}

/** Writes unit-tree export files only. */
export function writeUnitFiles(context: UnitContext, files: readonly ExportFile[]): WriteResult {
	const result: WriteResult = { files: [], faults: [] };
	for (const file of files) {
		if (file.dataset !== 'units') throw new Error(`${file.name} is not a unit-tree export`);
		const faults: Fault[] = [];
		result.files.push({ name: file.name, ...writeUnits(context, file, faults) });
		result.faults.push(...faults);
	}
	return result;
}

function writeUnits(context: UnitContext, file: ExportFile, faults: Fault[]): WrittenFile & { rows: number } {
	const rows = unitRows(context.tree, file.at);
	const provinces = referenceData().provinces;
	const threshold = context.dirty * 4294967296;
	rows.forEach((row, k) => {
		if (row[2] !== '3' || threshold <= 0 || hash3(context.seed ^ textCode(file.name), k, 9101) >= threshold * 5) return;
		const province = provinces.find((p) => p.name === row[5]);
		if (!province) return;
		const forms = [...province.variants, `${province.kind === 'tỉnh' ? 'Tỉnh' : 'Thành phố'} ${province.name.replace(/^TP /u, '')}`];
		const raw = forms[hash3(context.seed, k, 9102) % forms.length]!;
		row[5] = raw;
		const rowNumber = file.format === 'json' ? k + 1 : k + 2;
		faults.push({ file: file.name, row: rowNumber, kind: 'province_name_variant', field: 'Tỉnh, thành phố', rawValue: raw, expected: { outcome: 'normalised', value: province.code } });
	});
	const path = join(context.outDir, file.name);
	if (file.format === 'json') return { ...writeJson(path, UNIT_HEADERS, rows, file.gzip), rows: rows.length };
	const writer = new CsvWriter(path, { gzip: file.gzip, ...csvStyle(context.seed, context.dirty, file, faults) });
	writer.values(UNIT_HEADERS);
	for (const row of rows) writer.values(row);
	return { ...writer.close(), rows: rows.length };
}

async function writeInitiatives(context: ExportContext, renderer: InitiativeRenderer, dirt: DirtInjector, file: ExportFile, faults: Fault[]): Promise<WrittenFile & { rows: number }> {
	const path = join(context.outDir, file.name);
	const level1 = file.scope === 'toan-quoc' ? null : context.tree.level1.findIndex((u) => u.code === file.scope);
	const closing = file.scope === 'toan-quoc' && (file.at === CLOSE_AT || file.at === FINAL_AT);
	const firstRow = file.format === 'json' ? 1 : file.format === 'xlsx' ? (file.titleRows ?? 0) + 2 : 2;
	const useDirt = context.dirty > 0 && !file.reject;
	let records = 0;
	let stt = 0;
	const record = (dirty: DirtyRow, emit: (values: string[], serial: boolean) => void) => {
		const rows = [dirty.before, dirty.values, dirty.after];
		const base = firstRow + records + (dirty.before ? 1 : 0);
		dirty.faults.forEach((f, k) => faults.push({ file: file.name, row: base + dirty.rowOffsets[k]!, ...f }));
		for (const values of rows) {
			if (!values) continue;
			emit(values, values === dirty.values && !!dirty.excelSerial);
			records++;
		}
	};
	const dirtyRow = (i: number): DirtyRow | undefined => {
		if (!useDirt || !dirt.isDirty(file.name, stt)) return undefined;
		if (file.format === 'xlsx' && hash3(context.seed, stt, 9201) % 3 === 0) {
			const values = renderer.values(i, file.at, stt);
			return { values, excelSerial: true, faults: [{ kind: 'excel_serial_date', field: 'Ngày cập nhật', rawValue: String(excelSerial(context.population.submitted[i]!)), expected: { outcome: 'normalised', value: formatMinute(context.population.submitted[i]!) } }], rowOffsets: [0] };
		}
		return dirt.apply(file.name, i, file.at, stt, closing);
	};
	if (file.format === 'csv') {
		const inMemory = !!file.reject;
		const writer = new CsvWriter(path, { gzip: file.gzip, inMemory, ...csvStyle(context.seed, context.dirty, file, faults) });
		const dropped = file.reject === 'missing_header' ? COLUMN['Trạng thái'] : -1;
		const without = (values: readonly string[]) => (dropped < 0 ? values : values.filter((_, k) => k !== dropped));
		writer.values(without(INITIATIVE_HEADERS));
		for (const i of renderer.members(file.at, level1)) {
			stt++;
			const dirty = dirtyRow(i);
			if (dirty) record(dirty, (values) => writer.values(without(values)));
			else {
				if (dropped >= 0) writer.values(without(renderer.values(i, file.at, stt)));
				else writer.line(renderer.csvLine(i, file.at, stt));
				records++;
			}
		}
		if (file.reject === 'missing_header') {
			faults.push({ file: file.name, row: 1, kind: 'missing_header', field: 'Trạng thái', rawValue: null, expected: { outcome: 'reject_file', reason: 'missing_header' } });
		}
		if (file.reject === 'truncated_file') {
			const content = writer.content();
			// Cut inside the last record's quoted title: an unterminated quote and missing fields.
			const lastStart = content.lastIndexOf(0x0a, content.length - 2) + 1;
			const quote = content.indexOf(0x22, lastStart);
			const cut = content.subarray(0, quote + 6);
			const { createHash } = await import('node:crypto');
			const { writeFileSync } = await import('node:fs');
			writeFileSync(path, cut);
			faults.push({ file: file.name, row: firstRow + records - 1, kind: 'truncated_file', field: null, rawValue: null, expected: { outcome: 'reject_file', reason: 'truncated_file' } });
			return { sha256: createHash('sha256').update(cut).digest('hex'), bytes: cut.length, rows: records };
		}
		return { ...writer.close(), rows: records };
	}
	const rows: (string | number)[][] = [];
	for (const i of renderer.members(file.at, level1)) {
		stt++;
		const dirty = dirtyRow(i);
		const typed = (values: string[], serial: boolean): (string | number)[] => {
			const out: (string | number)[] = values.slice();
			out[0] = Number(values[0]);
			if (serial) out[COLUMN['Ngày cập nhật']] = excelSerial(context.population.submitted[i]!);
			return out;
		};
		if (dirty) record(dirty, (values, serial) => rows.push(typed(values, serial)));
		else {
			rows.push(typed(renderer.values(i, file.at, stt), false));
			records++;
		}
	}
	if (file.format === 'json') return { ...writeJson(path, INITIATIVE_HEADERS, rows, file.gzip), rows: records };
	const scopeName = level1 === null ? 'toàn quốc' : context.tree.level1[level1]!.name;
	const title = [`DANH SÁCH SÁNG KIẾN - ${scopeName} - xuất lúc ${formatMinute(file.at)} (${stampMinute(file.at)})`];
	if ((file.titleRows ?? 0) > 1) title.push('');
	return { ...(await writeXlsx(path, title.slice(0, file.titleRows ?? 0), INITIATIVE_HEADERS, rows)), rows: records };
}
