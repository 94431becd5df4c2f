// An XLSX export's Vietnamese texts come out of staging exactly as written, whichever characters its parts' chunks split.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { Database } from '../../warehouse/duckdb/database.ts';
import { landedFixture } from '../validate/fixture-support.ts';
import { INITIATIVE_HEADERS } from './export-headers.ts';
import { readXlsxRows } from './stage-xlsx.ts';
import { utf8Chunks } from './xlsx-utf8-chunks.ts';

const collect = async (chunks: (Buffer | string)[]) => {
	const texts: string[] = [];
	for await (const text of utf8Chunks((async function* () { yield* chunks; })())) texts.push(text);
	return texts.join('');
};

/** A distinct Vietnamese title for row i: 2- and 3-byte characters throughout. */
const title = (i: number) => `Cải tiến quy trình ${i} tại phân xưởng số ${i % 97}, giảm thời gian thực hiện lớp học “Tháng Công nhân” – Đội ${i}`;

describe('XLSX parts decoded whole', () => {
	it('decodes a character split between chunks as that character', async () => {
		const bytes = Buffer.from('lớp Đổi mới ✓', 'utf8');
		for (let cut = 0; cut <= bytes.length; cut++) expect(await collect([bytes.subarray(0, cut), bytes.subarray(cut)])).toBe('lớp Đổi mới ✓');
		expect(await collect([Buffer.from([0xe1, 0xbb]), Buffer.from([0x9b]), 'p'])).toBe('ớp');
		// a sequence cut short at the very end is one replacement character, as a whole-buffer decode gives
		expect(await collect([Buffer.from('ab', 'utf8'), Buffer.from([0xe1, 0xbb])])).toBe('ab\uFFFD');
	});

	it('stages every text of a 4,000-row sheet exactly as written (exceljs alone turned split characters into U+FFFD)', async () => {
		const path = join(mkdtempSync(join(tmpdir(), 'sk-xlsx-utf8-')), 'sang-kien_T38_20220420-0800.xlsx');
		const workbook = new ExcelJS.Workbook();
		const sheet = workbook.addWorksheet('Sáng kiến');
		sheet.addRow([...INITIATIVE_HEADERS]);
		const rows = 4000;
		for (let i = 1; i <= rows; i++) {
			sheet.addRow([i, `SK-2204-${String(i).padStart(7, '0')}`, title(i), 'Sản xuất, kinh doanh', `Nguyễn Thị Hồng ${i}`, null, null, 'Công nhân', 'Không',
				'T38.01.0001', 'Công đoàn cơ sở Công ty TNHH Giầy Alpha', 'Công đoàn Khu kinh tế Nghi Sơn', 'Liên đoàn Lao động tỉnh Thanh Hóa', '01/04/2022 09:00', null, 'Hợp lệ', null, null]);
		}
		await workbook.xlsx.writeFile(path);
		const db = await Database.open(':memory:');
		try {
			const read = await readXlsxRows(db, landedFixture(path), 1);
			expect(read.ok && read.rows).toBe(rows);
			const staged = await db.all<{ row_number: number; title: string; author: string; level1: string }>(
				`SELECT row_number, "Tên sáng kiến" AS title, "Tác giả" AS author, "Đơn vị trực thuộc Tổng Liên đoàn" AS level1 FROM stage_rows_1 ORDER BY row_number`
			);
			expect(staged.filter((r) => r.title !== title(Number(r.row_number) - 1) || r.author !== `Nguyễn Thị Hồng ${Number(r.row_number) - 1}`)).toEqual([]);
			expect(staged.every((r) => r.level1 === 'Liên đoàn Lao động tỉnh Thanh Hóa')).toBe(true);
		} finally {
			db.close();
		}
	});
});
