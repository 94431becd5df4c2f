// Small-scale tests of the simulated portal: determinism, the export contract's headers and names, formats, and the fault manifest.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsvRows } from '../../warehouse/reference/csv-records.ts';
import type { Fault } from './dirt.ts';
import { INITIATIVE_HEADERS } from './initiative-rows.ts';
import { DEFAULT_DIRTY, DEFAULT_SEED, simulate } from './simulate.ts';
import { ensureSimulatedExports } from './simulated-exports-cache.ts';
import { UNIT_HEADERS } from './unit-rows.ts';

interface Manifest {
	seed: number;
	scale: number;
	dirty: number;
	files: { name: string; sha256: string; rows: number; dataset: string; scope: string; exportedAt: string }[];
	faults: Fault[];
}

let cached: string;
let manifest: Manifest;
const scratch: string[] = [];

function text(dir: string, name: string): string {
	const raw = readFileSync(join(dir, name));
	return (name.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8').replace(/^\uFEFF/u, '');
}

/** Records of a JSON or XLSX file as [rowNumber, values by header]. */
async function records(dir: string, name: string): Promise<Map<number, Record<string, unknown>>> {
	const rows = new Map<number, Record<string, unknown>>();
	if (/\.json(\.gz)?$/u.test(name)) {
		(JSON.parse(text(dir, name)) as Record<string, unknown>[]).forEach((r, k) => rows.set(k + 1, r));
	} else {
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.readFile(join(dir, name));
		const sheet = workbook.worksheets[0]!;
		let header: string[] | undefined;
		sheet.eachRow((row, n) => {
			const values = (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : v));
			if (!header) {
				if (values.includes('Mã sáng kiến')) header = values.map(String);
				return;
			}
			rows.set(n, Object.fromEntries(header.map((h, k) => [h, values[k] ?? ''])));
		});
	}
	return rows;
}

/**
 * The [start, end) offsets of CSV text's rows up to row last (header = row 1; a record with quoted line breaks is one
 * row), from a quote-aware scan of the line breaks that stops there.
 */
function csvRowSpans(content: string, last: number): [number, number][] {
	const spans: [number, number][] = [];
	let start = 0;
	while (spans.length < last && start < content.length) {
		let end = start;
		let quotes = 0;
		for (;;) {
			const lineBreak = content.indexOf('\n', end);
			const stop = lineBreak < 0 ? content.length : lineBreak;
			for (let q = content.indexOf('"', end); q >= 0 && q < stop; q = content.indexOf('"', q + 1)) quotes++;
			end = stop;
			if (quotes % 2 === 0 || lineBreak < 0) break;
			end = lineBreak + 1;
		}
		spans.push([start, end]);
		start = end + 1;
	}
	return spans;
}

/** The wanted records of CSV text by row number; only the header and those rows are parsed. */
function csvRecords(content: string, wanted: ReadonlySet<number>): Map<number, Record<string, string>> {
	const spans = csvRowSpans(content, Math.max(...wanted));
	const [header] = parseCsvRows(content.slice(...spans[0]!));
	const rows = new Map<number, Record<string, string>>();
	for (const row of wanted) {
		const span = spans[row - 1];
		if (row < 2 || !span) continue;
		const [values] = parseCsvRows(content.slice(...span));
		rows.set(row, Object.fromEntries(header!.map((h, k) => [h, values![k] ?? ''])));
	}
	return rows;
}

beforeAll(() => {
	cached = ensureSimulatedExports({ scale: 0.01 });
	manifest = JSON.parse(readFileSync(join(cached, 'manifest.json'), 'utf8')) as Manifest;
}, 600_000);
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('simulated portal (scale 0.01)', () => {
	it('writes byte-identical files for the same seed and different ones for another seed', async () => {
		const same = mkdtempSync(join(tmpdir(), 'sim-same-'));
		const other = mkdtempSync(join(tmpdir(), 'sim-other-'));
		scratch.push(same, other);
		await simulate({ scale: 0.01, seed: DEFAULT_SEED, dirty: DEFAULT_DIRTY, schedule: 'full', out: same, workers: 0 });
		await simulate({ scale: 0.01, seed: DEFAULT_SEED + 1, dirty: DEFAULT_DIRTY, schedule: 'close', out: other, workers: 0 });
		for (const name of readdirSync(cached)) expect(readFileSync(join(same, name)).equals(readFileSync(join(cached, name))), name).toBe(true);
		const close = 'sang-kien_toan-quoc_20230831-2359.csv';
		expect(readFileSync(join(other, close)).equals(readFileSync(join(cached, close)))).toBe(false);
	}, 120_000);

	it('names every file per the export contract and lists it with its checksum in the manifest', () => {
		const names = readdirSync(cached).filter((n) => n !== 'manifest.json').sort();
		for (const name of names) expect(name).toMatch(/^(sang-kien_(toan-quoc|[TNC]\d{2})|don-vi)_\d{8}-\d{4}\.(csv|xlsx|json)(\.gz)?$/u);
		expect(manifest.files.map((f) => f.name)).toEqual(names);
		for (const f of manifest.files) expect(createHash('sha256').update(readFileSync(join(cached, f.name))).digest('hex')).toBe(f.sha256);
	});

	it('counts the records of every CSV file not made to be rejected as the manifest does (quoted line breaks inside one)', () => {
		const rejected = new Set(manifest.faults.filter((f) => f.expected.outcome === 'reject_file').map((f) => f.file));
		const csv = manifest.files.filter((f) => /\.csv(\.gz)?$/u.test(f.name) && !rejected.has(f.name));
		expect(csv.length).toBeGreaterThan(30);
		for (const f of csv) expect(csvRowSpans(text(cached, f.name), Infinity).length - 1, f.name).toBe(f.rows);
	});

	it('writes the exact contract headers in CSV, JSON and XLSX', async () => {
		const csv = parseCsvRows(text(cached, 'sang-kien_toan-quoc_20220420-0800.csv'))[0];
		expect(csv).toEqual([...INITIATIVE_HEADERS]);
		expect(parseCsvRows(text(cached, 'don-vi_20220420-0800.csv'))[0]).toEqual([...UNIT_HEADERS]);
		expect(Object.keys((JSON.parse(text(cached, 'don-vi_20220531-2359.json')) as object[])[0]!)).toEqual([...UNIT_HEADERS]);
		const json = JSON.parse(text(cached, 'sang-kien_T62_20220715-1100.json.gz')) as object[];
		expect(Object.keys(json[0]!)).toEqual([...INITIATIVE_HEADERS]);
		const xlsx = await records(cached, 'sang-kien_C05_20220615-1000.xlsx');
		expect(Object.keys([...xlsx.values()][0]!)).toEqual([...INITIATIVE_HEADERS]);
		expect(Math.min(...xlsx.keys())).toBe(4);
	});

	it('lists every fault at a real file and row whose raw value is there', async () => {
		expect(manifest.faults.length).toBeGreaterThan(50);
		const outcomes = new Set(manifest.faults.map((f) => `${f.expected.outcome}:${f.expected.reason ?? ''}`));
		for (const o of ['normalised:', 'superseded:', 'quarantine:missing_id', 'quarantine:unresolved_unit', 'reject_file:missing_header', 'reject_file:truncated_file']) expect(outcomes).toContain(o);
		const closing = manifest.faults.filter((f) => /toan-quoc_(20230831-2359|20231008-0800)/u.test(f.file));
		expect(closing.filter((f) => f.expected.outcome === 'quarantine')).toEqual([]);
		const byFile = new Map<string, Fault[]>();
		for (const f of manifest.faults) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
		for (const [file, faults] of byFile) {
			if (faults.some((f) => f.expected.outcome === 'reject_file')) continue;
			const raw = readFileSync(join(cached, file));
			const content = (file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
			const csv = /\.csv(\.gz)?$/u.test(file);
			const rows: Map<number, Record<string, unknown>> = csv ? csvRecords(content.replace(/^\uFEFF/u, ''), new Set(faults.map((f) => f.row))) : await records(cached, file);
			for (const f of faults) {
				if (f.field === null) {
					expect(f.kind === 'bom' ? content.startsWith('\uFEFF') : content.includes('\r\n'), `${file} ${f.kind}`).toBe(true);
					continue;
				}
				const row = rows.get(f.row);
				expect(row, `${file} row ${f.row}`).toBeDefined();
				const value = row![f.field];
				if (value instanceof Date) expect(value.getTime() / 86400000 + 25569).toBeCloseTo(Number(f.rawValue), 6);
				else expect(String(value), `${file} row ${f.row} ${f.kind}`).toBe(f.rawValue);
			}
		}
	}, 120_000);
});
