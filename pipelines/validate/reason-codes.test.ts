// Each quarantine reason code, on one focused row (or file), against the fixture unit tree; plus duplicate supersession.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../warehouse/duckdb/database.ts';
import { INITIATIVE_HEADERS } from '../stage/export-headers.ts';
import { stageFile } from '../stage/stage-file.ts';
import { landedFixture, loadFiles } from './fixture-support.ts';
import { validateInitiativeFile } from './validate-initiatives.ts';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
type Row = Partial<Record<(typeof INITIATIVE_HEADERS)[number], string>>;

const BASE: Row = {
	STT: '1', 'Mã sáng kiến': 'SK-2204-0000001', 'Tên sáng kiến': 'Sáng kiến thử', 'Lĩnh vực': 'Khác',
	'Tác giả': 'Tác Giả Mẫu', 'Lãnh đạo, quản lý': 'Không', 'Mã CĐCS': 'T38.01.0001',
	'Công đoàn cơ sở': 'Công đoàn Công ty TNHH Giầy Alpha', 'Công đoàn cấp trên trực tiếp': 'Công đoàn Khu kinh tế Nghi Sơn',
	'Đơn vị trực thuộc Tổng Liên đoàn': 'LĐLĐ tỉnh Thanh Hóa', 'Ngày cập nhật': '12/04/2022 08:00', 'Trạng thái': 'Hợp lệ',
	'Ngày duyệt': '13/04/2022 08:00', 'Giá trị làm lợi (đồng/năm)': ''
};

const quote = (v: string) => (/[",\r\n]/u.test(v) ? `"${v.replace(/"/gu, '""')}"` : v);
const line = (row: Row, headers: readonly string[] = INITIATIVE_HEADERS) =>
	headers.map((h) => quote(row[h as keyof Row] ?? '')).join(',') + '\n';
const HEADER = line(Object.fromEntries(INITIATIVE_HEADERS.map((h) => [h, h])));

describe('quarantine reasons', () => {
	let db: Database;
	let dir: string;
	let nextId = 100;

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'sk-reasons-'));
		db = await Database.open(':memory:', { threads: 2 });
		await loadFiles(db, join(fixtures, 'don-vi_20220101-0800.csv'), []);
	});
	afterAll(() => db.close());

	/** Stages and validates a file with this text; returns its quarantine rows and report. */
	async function load(text: string, name = 'sang-kien_toan-quoc_20220420-0800.csv') {
		const fileId = nextId++;
		const sub = join(dir, String(fileId));
		const path = join(sub, name);
		mkdirSync(sub, { recursive: true });
		writeFileSync(path, text);
		const staged = await stageFile(db, landedFixture(path), fileId);
		const report = await validateInitiativeFile(db, staged);
		const quarantine = await db.all(
			`SELECT row_number AS row, reason_code AS reason, field, raw_value, message, level1_code FROM quarantine WHERE file_id = $1 ORDER BY row_number`,
			[fileId]
		);
		const loaded = await db.all(`SELECT * EXCLUDE (file_id) FROM staged_initiative WHERE file_id = $1 ORDER BY row_number`, [fileId]);
		return { report, quarantine, loaded, fileId };
	}

	const oneRow = (overrides: Row) => HEADER + line({ ...BASE, ...overrides });

	it.each([
		['missing_id', { 'Mã sáng kiến': '  ' }, 'Mã sáng kiến'],
		['bad_date', { 'Ngày cập nhật': 'hôm qua' }, 'Ngày cập nhật'],
		['bad_date', { 'Ngày duyệt': '31/02/2022 08:00' }, 'Ngày duyệt'],
		['date_out_of_range', { 'Ngày cập nhật': '07/01/2022 23:59' }, 'Ngày cập nhật'],
		['date_after_export', { 'Ngày cập nhật': '20/04/2022 08:01' }, 'Ngày cập nhật'],
		['unknown_status', { 'Trạng thái': 'Đã duyệt' }, 'Trạng thái'],
		['unknown_status', { 'Trạng thái': '' }, 'Trạng thái'],
		['bad_benefit', { 'Giá trị làm lợi (đồng/năm)': '4,98 tyy' }, 'Giá trị làm lợi (đồng/năm)'],
		['negative_benefit', { 'Giá trị làm lợi (đồng/năm)': '-4,98 tỷ' }, 'Giá trị làm lợi (đồng/năm)'],
		['negative_benefit', { 'Giá trị làm lợi (đồng/năm)': '-5000' }, 'Giá trị làm lợi (đồng/năm)'],
		['unknown_field', { 'Lĩnh vực': 'Nông nghiệp' }, 'Lĩnh vực'],
		['bad_flag', { 'Lãnh đạo, quản lý': 'Có lẽ' }, 'Lãnh đạo, quản lý'],
		['ambiguous_unit', { 'Mã CĐCS': '', 'Công đoàn cơ sở': 'Công đoàn Trường THCS Bình Minh', 'Công đoàn cấp trên trực tiếp': '' }, 'Công đoàn cơ sở'],
		['unresolved_unit', { 'Mã CĐCS': 'T38.09.9999', 'Công đoàn cơ sở': 'Công đoàn Không Có' }, 'Công đoàn cơ sở']
	] as [string, Row, string][])('%s: %o', async (reason, overrides, field) => {
		const { report, quarantine } = await load(oneRow(overrides));
		expect(report).toMatchObject({ rowsRead: 1, rowsLoaded: 0, rowsQuarantined: 1, rowsSuperseded: 0 });
		expect(quarantine).toMatchObject([{ row: 2, reason, field }]);
	});

	it('names the value, row and file in the message, and the level-1 unit that must fix the row', async () => {
		const { quarantine } = await load(oneRow({ 'Giá trị làm lợi (đồng/năm)': '4,98 tyy' }));
		expect(quarantine).toMatchObject([
			{ message: 'invalid benefit "4,98 tyy" (row 2, sang-kien_toan-quoc_20220420-0800.csv)', level1_code: 'T38', raw_value: '4,98 tyy' }
		]);
	});

	it('malformed_row: a record with the wrong number of fields, the rest of the file loads', async () => {
		const header = HEADER;
		const text = header + line(BASE).replace(/\n$/u, ',extra\n') + line({ ...BASE, 'Mã sáng kiến': 'SK-2204-0000002' });
		const { report, quarantine, loaded } = await load(text);
		expect(report).toMatchObject({ rowsRead: 2, rowsLoaded: 1, rowsQuarantined: 1 });
		expect(quarantine).toMatchObject([{ row: 2, reason: 'malformed_row' }]);
		expect(loaded).toMatchObject([{ row_number: 3, initiative_id: 'SK-2204-0000002' }]);
	});

	it('missing_header: the whole file is rejected naming the missing headers, nothing loads', async () => {
		const headers = INITIATIVE_HEADERS.filter((h) => h !== 'Trạng thái');
		const text = line(Object.fromEntries(headers.map((h) => [h, h])), headers) + line(BASE, headers);
		const { report, quarantine, loaded } = await load(text);
		expect(report).toMatchObject({ status: 'rejected', rowsRead: 1, rowsQuarantined: 1, rowsLoaded: 0 });
		expect(quarantine).toMatchObject([{ row: null, reason: 'missing_header', raw_value: '"Trạng thái"' }]);
		expect(loaded).toEqual([]);
	});

	it('truncated_file: an unterminated quote rejects the whole file', async () => {
		const header = HEADER;
		const { report, quarantine } = await load(header + line(BASE) + '2,SK-2204-0000002,"cut here');
		expect(report).toMatchObject({ status: 'rejected', rowsRead: 2, rowsQuarantined: 2 });
		expect(quarantine).toMatchObject([{ reason: 'truncated_file' }]);
	});

	it('truncated_file: a last record cut short (no final line break) rejects the whole file', async () => {
		const header = HEADER;
		const { report } = await load(header + line(BASE) + '2,SK-2204-0000002,Tiêu đề');
		expect(report).toMatchObject({ status: 'rejected', rowsRead: 2 });
	});

	it('truncated_file: invalid JSON rejects the whole file', async () => {
		const { report, quarantine } = await load('[{"Mã sáng kiến": "SK-1"}, {"Mã', 'sang-kien_toan-quoc_20220420-0800.json');
		expect(report).toMatchObject({ status: 'rejected' });
		expect(quarantine).toMatchObject([{ reason: 'truncated_file' }]);
	});

	it('keeps the later of two rows with one id (status time, then row number) and lists the other as superseded', async () => {
		const header = HEADER;
		const text = header + line({ ...BASE, 'Ngày duyệt': '15/04/2022 08:00' }) + line({ ...BASE, 'Ngày duyệt': '14/04/2022 08:00' });
		const { report, loaded, fileId } = await load(text);
		expect(report).toMatchObject({ rowsRead: 2, rowsLoaded: 1, rowsSuperseded: 1 });
		expect(loaded).toMatchObject([{ row_number: 2, reviewed_at: '2022-04-15T08:00:00' }]);
		expect(await db.all(`SELECT row_number, initiative_id, kept_row_number FROM superseded_row WHERE file_id = $1`, [fileId]))
			.toEqual([{ row_number: 3, initiative_id: 'SK-2204-0000001', kept_row_number: 2 }]);
		expect(await db.all(`SELECT initiative_id FROM file_presence WHERE file_id = $1`, [fileId])).toEqual([{ initiative_id: 'SK-2204-0000001' }]);
	});

	it('normalises status, field, flag, benefit and date forms (case, diacritics, NFD, spacing)', async () => {
		const header = HEADER;
		const rows: Row[] = [
			{ 'Trạng thái': 'HỢP LỆ'.normalize('NFD'), 'Lĩnh vực': ' giáo dục , đào tạo ', 'Lãnh đạo, quản lý': 'x', 'Giá trị làm lợi (đồng/năm)': '1,2 tỷ đồng', 'Ngày cập nhật': '2022-04-12T01:00:00Z' },
			{ 'Trạng thái': 'chờ duyệt', 'Lĩnh vực': 'PHONG CHONG DICH COVID-19', 'Lãnh đạo, quản lý': '1', 'Giá trị làm lợi (đồng/năm)': '520 triệu', 'Ngày cập nhật': '44663.3333333333', 'Ngày duyệt': '' },
			{ 'Trạng thái': 'không hợp lệ', 'Lãnh đạo, quản lý': '', 'Giá trị làm lợi (đồng/năm)': '4.980.000.000', 'Ngày cập nhật': '12/4/2022' },
			{ 'Trạng thái': 'Đang xem xét', 'Lãnh đạo, quản lý': 'Có', 'Giá trị làm lợi (đồng/năm)': '0', 'Ngày cập nhật': '2022-04-12 08:00', 'Ngày duyệt': '' }
		];
		const text = header + rows.map((r, i) => line({ ...BASE, ...r, 'Mã sáng kiến': `SK-X-${i}` })).join('');
		const { loaded } = await load(text);
		expect(loaded.map((r) => [r.status, r.field, r.is_leader, r.benefit, r.submitted_at])).toEqual([
			['valid', 'Giáo dục, đào tạo', true, 1_200_000_000, '2022-04-12T08:00:00'],
			['under_review', 'Phòng, chống dịch Covid-19', true, 520_000_000, '2022-04-12T08:00:00'],
			['invalid', 'Khác', false, 4_980_000_000, '2022-04-12T00:00:00'],
			['under_review', 'Khác', true, 0, '2022-04-12T08:00:00']
		]);
	});
});
