// stageFile reads CSV (BOM, CRLF, quoted line breaks, gzip), XLSX (title rows, serial and date cells) and JSON into text rows numbered as a person sees them.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../warehouse/duckdb/database.ts';
import { landedFixture } from '../validate/fixture-support.ts';
import { INITIATIVE_HEADERS } from './export-headers.ts';
import { rowNumberShifts } from './stage-csv.ts';
import { stageFile } from './stage-file.ts';

const HEADER = INITIATIVE_HEADERS.map((h) => (h.includes(',') ? `"${h}"` : h)).join(',');
const record = (id: string, title = 'T') => {
	const fields = INITIATIVE_HEADERS.map((h) => (h === 'Mã sáng kiến' ? id : h === 'Tên sáng kiến' ? title : 'x'));
	return fields.join(',');
};

/** A stored (uncompressed) zip of the given entries in the given order: lets a test fix the part order of an XLSX. */
function storedZip(entries: [name: string, text: string][]): Buffer {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const [name, text] of entries) {
		const nameBytes = Buffer.from(name, 'utf8');
		const data = Buffer.from(text, 'utf8');
		const crc = crc32(data);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(0x21, 12); // DOS date 01/01/1980
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(data.length, 18);
		local.writeUInt32LE(data.length, 22);
		local.writeUInt16LE(nameBytes.length, 26);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(0x21, 14);
		central.writeUInt32LE(crc, 16);
		central.writeUInt32LE(data.length, 20);
		central.writeUInt32LE(data.length, 24);
		central.writeUInt16LE(nameBytes.length, 28);
		central.writeUInt32LE(offset, 42);
		locals.push(local, nameBytes, data);
		centrals.push(central, nameBytes);
		offset += local.length + nameBytes.length + data.length;
	}
	const directory = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, directory, end]);
}

/** Spreadsheet column letters of a 0-based index (A … Z, AA …). */
const columnLetters = (index: number): string => (index >= 26 ? columnLetters(Math.floor(index / 26) - 1) : '') + String.fromCharCode(65 + (index % 26));

/** An XLSX of text rows (shared strings) whose parts come in an order some writers use: relations, strings and the sheet before workbook.xml. */
function xlsxWithWorkbookLast(rows: string[][]): Buffer {
	const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
	const relations = 'http://schemas.openxmlformats.org/package/2006/relationships';
	const officeRelations = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
	const strings = [...new Set(rows.flat())];
	const sheetRows = rows
		.map((row, r) => `<row r="${r + 1}">${row.map((text, c) => `<c r="${columnLetters(c)}${r + 1}" t="s"><v>${strings.indexOf(text)}</v></c>`).join('')}</row>`)
		.join('');
	return storedZip([
		['[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`],
		['_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${relations}"><Relationship Id="rId1" Type="${officeRelations}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
		['xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${relations}"><Relationship Id="rId1" Type="${officeRelations}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${officeRelations}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`],
		['xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${main}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`],
		['xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${main}"><sheetData>${sheetRows}</sheetData></worksheet>`],
		['xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${main}" xmlns:r="${officeRelations}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`]
	]);
}

describe('stageFile', () => {
	let db: Database;
	let dir: string;
	let nextId = 1;

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'sk-stage-'));
		db = await Database.open(':memory:', { threads: 2 });
	});
	afterAll(() => db.close());

	async function stage(name: string, content: string | Buffer) {
		const sub = join(dir, String(nextId));
		mkdirSync(sub);
		writeFileSync(join(sub, name), content);
		const staged = await stageFile(db, landedFixture(join(sub, name)), nextId++);
		const rows = staged.view
			? await db.all(`SELECT row_number, "Mã sáng kiến" AS id, "Tên sáng kiến" AS title FROM ${staged.view} ORDER BY row_number`)
			: [];
		return { staged, rows };
	}

	it('numbers CSV rows as a spreadsheet does: quoted line breaks stay in one row, malformed rows keep their number', async () => {
		const lines = [
			`\uFEFF${HEADER}`,
			record('A', '"two\r\nlines, ""quoted"""'),
			record('B'),
			'short,row',
			record('C', '"three\nline\nrecord"'),
			record('D') + ',extra',
			record('E')
		];
		const { staged, rows } = await stage('sang-kien_toan-quoc_20220420-0800.csv', lines.join('\r\n') + '\r\n');
		expect(staged).toMatchObject({ status: 'staged', rowsRead: 6, rowsMalformed: 2 });
		expect(rows).toEqual([
			{ row_number: 2, id: 'A', title: 'two\r\nlines, "quoted"' },
			{ row_number: 3, id: 'B', title: 'T' },
			{ row_number: 5, id: 'C', title: 'three\nline\nrecord' },
			{ row_number: 7, id: 'E', title: 'T' }
		]);
		const malformed = await db.all(`SELECT row_number FROM quarantine WHERE file_id = $1 ORDER BY 1`, [staged.fileId]);
		expect(malformed).toEqual([{ row_number: 4 }, { row_number: 6 }]);
	});

	it('reads gzipped CSV transparently', async () => {
		const text = [HEADER, record('A'), record('B')].join('\n') + '\n';
		const { staged, rows } = await stage('sang-kien_T38_20220420-0800.csv.gz', gzipSync(text));
		expect(staged.rowsRead).toBe(2);
		expect(rows.map((r) => r.row_number)).toEqual([2, 3]);
	});

	it('registers the file in source_file', async () => {
		const { staged } = await stage('sang-kien_N03_20220420-0800.csv', `${HEADER}\n${record('A')}\n`);
		const row = await db.one(`SELECT file_name, dataset, scope, exported_at, format, gzip, status, rows_read FROM source_file WHERE file_id = $1`, [staged.fileId]);
		expect(row).toEqual({
			file_name: 'sang-kien_N03_20220420-0800.csv', dataset: 'initiatives', scope: 'N03', exported_at: '2022-04-20T08:00:00',
			format: 'csv', gzip: false, status: 'loaded', rows_read: 1
		});
	});

	it('numbers JSON rows by element and quarantines elements that are not objects', async () => {
		const json = JSON.stringify([{ 'Mã sáng kiến': 'A', 'Tên sáng kiến': 'T', 'Giá trị làm lợi (đồng/năm)': 4980000000 }, [1], { 'Mã sáng kiến': 'B' }]);
		const { staged, rows } = await stage('sang-kien_toan-quoc_20220420-0800.json', json);
		// the JSON lacks most headers, so it is rejected; read the counts before that
		expect(staged).toMatchObject({ status: 'rejected', rejectReason: 'missing_header', rowsRead: 3 });
		expect(rows).toEqual([]);
	});

	it('finds the XLSX header below title rows and turns serial numbers, dates and numbers into faithful text', async () => {
		const workbook = new ExcelJS.Workbook();
		const sheet = workbook.addWorksheet('S');
		sheet.getCell('A1').value = 'Tiêu đề';
		sheet.getRow(3).values = [...INITIATIVE_HEADERS];
		const values = INITIATIVE_HEADERS.map((h) => (h === 'Mã sáng kiến' ? 'A' : 'x')) as ExcelJS.CellValue[];
		values[INITIATIVE_HEADERS.indexOf('Ngày cập nhật')] = 44671.3333333333;
		values[INITIATIVE_HEADERS.indexOf('Ngày duyệt')] = new Date('2022-04-21T09:30:00Z');
		values[INITIATIVE_HEADERS.indexOf('Giá trị làm lợi (đồng/năm)')] = 4980000000;
		sheet.getRow(4).values = values;
		sheet.getCell(4, INITIATIVE_HEADERS.indexOf('Ngày duyệt') + 1).numFmt = 'dd/mm/yyyy hh:mm';
		sheet.getRow(6).values = INITIATIVE_HEADERS.map((h) => (h === 'Mã sáng kiến' ? 'B' : 'y'));
		const sub = join(dir, 'xlsx');
		mkdirSync(sub);
		const path = join(sub, 'sang-kien_T38_20220420-0800.xlsx');
		await workbook.xlsx.writeFile(path);
		const staged = await stageFile(db, landedFixture(path), nextId++);
		expect(staged.rejectMessage).toBeNull();
		expect(staged).toMatchObject({ status: 'staged', rowsRead: 2 });
		const rows = await db.all(
			`SELECT row_number, "Mã sáng kiến" AS id, "Ngày cập nhật" AS submitted, "Ngày duyệt" AS reviewed, "Giá trị làm lợi (đồng/năm)" AS benefit
			 FROM ${staged.view} ORDER BY row_number`
		);
		expect(rows).toEqual([
			{ row_number: 4, id: 'A', submitted: '44671.3333333333', reviewed: '2022-04-21T09:30:00', benefit: '4980000000' },
			{ row_number: 6, id: 'B', submitted: 'y', reviewed: 'y', benefit: 'y' }
		]);
	});

	it('reads an XLSX whose sheet comes before workbook.xml (exceljs-written files, in whatever order its writer finished the parts)', async () => {
		const values = INITIATIVE_HEADERS.map((h) => (h === 'Mã sáng kiến' ? 'C' : 'z'));
		const sub = join(dir, 'xlsx-order');
		mkdirSync(sub);
		const path = join(sub, 'sang-kien_T38_20220420-0800.xlsx');
		writeFileSync(path, xlsxWithWorkbookLast([[...INITIATIVE_HEADERS], values]));
		const staged = await stageFile(db, landedFixture(path), nextId++);
		expect(staged.rejectMessage).toBeNull();
		expect(staged).toMatchObject({ status: 'staged', rowsRead: 1 });
		expect(await db.all(`SELECT row_number, "Mã sáng kiến" AS id, "Tên sáng kiến" AS title FROM ${staged.view}`)).toEqual([{ row_number: 2, id: 'C', title: 'z' }]);
	});

	it('rejects an empty file for its missing headers', async () => {
		const { staged } = await stage('sang-kien_toan-quoc_20220421-0800.csv', '');
		expect(staged).toMatchObject({ status: 'rejected', rejectReason: 'missing_header', rowsRead: 0 });
	});
});

describe('rowNumberShifts', () => {
	it('turns rejected lines into thresholds on the loaded rows', () => {
		expect(rowNumberShifts([3, 5])).toEqual([{ threshold: 1, shift: 1 }, { threshold: 2, shift: 2 }]);
		expect(rowNumberShifts([2, 3])).toEqual([{ threshold: 0, shift: 1 }, { threshold: 0, shift: 2 }]);
	});
});
