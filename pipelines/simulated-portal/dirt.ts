// Injects the export contract's realistic variants and faults into rows, each with the outcome the pipeline must reach.
import { formatMinute, isoMinute, MINUTES_PER_DAY } from './calendar.ts';
import { FIELDS } from './name-pools.ts';
import type { ExportFile } from './export-schedule.ts';
import { COLUMN, INITIATIVE_HEADERS, type InitiativeRenderer } from './initiative-rows.ts';
import { NEVER } from './population.ts';
import { hash3, textCode } from './prng.ts';
import { referenceData } from '../../warehouse/reference/reference-data.ts';

export type Outcome = 'quarantine' | 'reject_file' | 'superseded' | 'normalised';

export interface Fault {
	file: string;
	row: number;
	kind: string;
	field: string | null;
	rawValue: string | null;
	expected: { outcome: Outcome; reason?: string; value?: string | number | boolean | null };
}

/** A dirty row: the values to write instead, and extra rows to write before / after it. */
export interface DirtyRow {
	values: string[];
	before?: string[];
	after?: string[];
	/** Per-row XLSX: write the update time as an Excel serial number. */
	excelSerial?: boolean;
	faults: Omit<Fault, 'file' | 'row'>[];
	/** Offsets of each fault's row relative to the true row: -1 before, 0 the row, +1 after. */
	rowOffsets: number[];
}

const NORMALISED_KINDS = ['level1_name_variant', 'benefit_format', 'date_iso', 'status_variant', 'flag_variant', 'field_variant', 'nfd_text', 'title_line_break', 'stale_grassroots_code', 'missing_grassroots_code', 'duplicate_older'] as const;
const QUARANTINE_KINDS = ['unresolved_unit', 'negative_benefit', 'bad_benefit', 'bad_date', 'date_out_of_range', 'date_after_export', 'unknown_status', 'missing_id'] as const;
const RANGE_END = 874080; // 01/09/2023 00:00 in programme minutes

/** Decides and applies the dirt of one row; undefined = the row stays clean. */
export class DirtInjector {
	private readonly threshold: number;
	private readonly level1Variants: string[][];

	constructor(
		private readonly renderer: InitiativeRenderer,
		private readonly seed: number,
		dirty: number
	) {
		this.threshold = Math.floor(dirty * 4294967296);
		const reference = referenceData();
		this.level1Variants = renderer.tree.level1.map((node) => {
			const unit = reference.level1Units.find((u) => u.code === node.code)!;
			if (unit.kind !== 'provincial') return unit.variants.length ? unit.variants : [node.name.toUpperCase()];
			const short = node.shortName.replace(/^TP /u, '');
			return [`LĐLĐ ${node.name.includes('thành phố') ? 'thành phố' : 'tỉnh'} ${short}`, `Liên đoàn Lao động ${short.replace('Hóa', 'Hoá').replace('Hòa', 'Hoà')}`, `LĐLĐ ${short}`, node.name.toUpperCase()];
		});
	}

	/** Whether row (file, stt) carries dirt. */
	isDirty(fileName: string, stt: number): boolean {
		return this.isDirtyKey(this.fileKey(fileName), stt);
	}

	/** A file's key for isDirtyKey (computed once per file). */
	fileKey(fileName: string): number {
		return this.seed ^ textCode(fileName);
	}

	/** isDirty with the file's key. */
	isDirtyKey(key: number, stt: number): boolean {
		return this.threshold > 0 && hash3(key, stt, 7001) < this.threshold;
	}

	/** Applies one fault to initiative i exported at `at` (closing: no quarantine faults). */
	apply(fileName: string, i: number, at: number, stt: number, closing: boolean): DirtyRow {
		const r = this.renderer;
		const p = r.population;
		const h = hash3(this.seed ^ textCode(fileName), stt, 7002);
		const allowQuarantine = !closing && p.withdrawnAt[i] === NEVER;
		const quarantine = allowQuarantine && h % 5 === 0;
		const kinds: readonly string[] = quarantine ? QUARANTINE_KINDS : NORMALISED_KINDS;
		let kind = kinds[(h >>> 4) % kinds.length]!;
		const values = r.values(i, at, stt);
		const g = r.tree.grassroots;
		const k = p.grassroots[i]!;
		const set = (column: string, raw: string) => {
			values[COLUMN[column as keyof typeof COLUMN]] = raw;
		};
		const one = (field: string | null, rawValue: string | null, expected: Fault['expected']): DirtyRow => ({ values, faults: [{ kind, field, rawValue, expected }], rowOffsets: [0] });
		// Fall back to a variant that applies to every row when the chosen one does not fit.
		const benefit = p.benefit[i]!;
		const reviewed = p.reviewedAt[i]! <= at;
		if (kind === 'benefit_format' && !(benefit >= 1e6)) kind = 'field_variant';
		if (kind === 'status_variant' && reviewed) kind = 'flag_variant';
		if ((kind === 'stale_grassroots_code' || kind === 'missing_grassroots_code') && g.duplicateName[k]) kind = 'nfd_text';
		if (kind === 'duplicate_older' && !reviewed) kind = 'level1_name_variant';
		if (kind === 'date_after_export' && at + 2 * MINUTES_PER_DAY >= RANGE_END) kind = 'bad_date';
		switch (kind) {
			case 'level1_name_variant': {
				const variants = this.level1Variants[p.level1[i]!]!;
				const raw = variants[(h >>> 12) % variants.length]!;
				set('Đơn vị trực thuộc Tổng Liên đoàn', raw);
				return one('Đơn vị trực thuộc Tổng Liên đoàn', raw, { outcome: 'normalised', value: r.tree.level1[p.level1[i]!]!.code });
			}
			case 'benefit_format': {
				let raw = benefit.toLocaleString('de-DE');
				if (benefit >= 1e9 && benefit % 1e7 === 0 && h & 0x10000) raw = `${(benefit / 1e9).toString().replace('.', ',')} tỷ${h & 0x20000 ? ' đồng' : ''}`;
				else if (benefit < 1e9 && benefit % 1e6 === 0 && h & 0x10000) raw = `${benefit / 1e6} triệu`;
				set('Giá trị làm lợi (đồng/năm)', raw);
				return one('Giá trị làm lợi (đồng/năm)', raw, { outcome: 'normalised', value: benefit });
			}
			case 'date_iso': {
				const raw = isoMinute(p.submitted[i]!);
				set('Ngày cập nhật', raw);
				return one('Ngày cập nhật', raw, { outcome: 'normalised', value: raw });
			}
			case 'status_variant':
				set('Trạng thái', 'Chờ duyệt');
				return one('Trạng thái', 'Chờ duyệt', { outcome: 'normalised', value: 'under_review' });
			case 'flag_variant': {
				const leader = values[COLUMN['Lãnh đạo, quản lý']] === 'Có';
				const raw = h & 0x10000 ? (leader ? 'x' : '') : leader ? '1' : '0';
				set('Lãnh đạo, quản lý', raw);
				return one('Lãnh đạo, quản lý', raw, { outcome: 'normalised', value: leader });
			}
			case 'field_variant': {
				const canonical = FIELDS[p.field[i]!]!;
				const forms = [canonical.toUpperCase(), canonical.toLowerCase(), canonical.replace(', ', ' - '), `  ${canonical.replace(', ', ',  ')} `, canonical.normalize('NFD')];
				const raw = forms[(h >>> 12) % forms.length]!;
				set('Lĩnh vực', raw);
				return one('Lĩnh vực', raw, { outcome: 'normalised', value: canonical });
			}
			case 'nfd_text': {
				const column = h & 0x10000 ? 'Tác giả' : 'Công đoàn cơ sở';
				const canonical = values[COLUMN[column]]!;
				set(column, canonical.normalize('NFD'));
				return one(column, canonical.normalize('NFD'), { outcome: 'normalised', value: canonical });
			}
			case 'title_line_break': {
				const title = values[COLUMN['Tên sáng kiến']]!;
				const raw = `${title.replace(' ', '\n')}, "bản sửa đổi"`;
				set('Tên sáng kiến', raw);
				return one('Tên sáng kiến', raw, { outcome: 'normalised', value: `${title}, "bản sửa đổi"` });
			}
			case 'stale_grassroots_code':
			case 'missing_grassroots_code': {
				const raw = kind === 'missing_grassroots_code' ? '' : `${r.tree.uppers[g.upper[k]!]!.code}.${9000 + (h % 999)}`;
				set('Mã CĐCS', raw);
				return one('Mã CĐCS', raw, { outcome: 'normalised', value: g.code[k]! });
			}
			case 'duplicate_older': {
				const older = values.slice();
				older[COLUMN['Trạng thái']] = 'Đang xem xét';
				older[COLUMN['Ngày duyệt']] = '';
				return { values, before: older, faults: [{ kind, field: 'Mã sáng kiến', rawValue: values[COLUMN['Mã sáng kiến']]!, expected: { outcome: 'superseded' } }], rowOffsets: [-1] };
			}
			case 'unresolved_unit': {
				set('Mã CĐCS', h & 0x10000 ? '' : 'X99.99.9999');
				const raw = `Công đoàn cơ sở Công ty TNHH Không Rõ ${1 + (h % 97)}`;
				set('Công đoàn cơ sở', raw);
				set('Công đoàn cấp trên trực tiếp', 'Công đoàn cấp trên chưa xác định');
				return one('Công đoàn cơ sở', raw, { outcome: 'quarantine', reason: 'unresolved_unit' });
			}
			case 'negative_benefit': {
				const raw = `-${benefit > 0 ? benefit : 5_000_000}`;
				set('Giá trị làm lợi (đồng/năm)', raw);
				return one('Giá trị làm lợi (đồng/năm)', raw, { outcome: 'quarantine', reason: 'negative_benefit' });
			}
			case 'bad_benefit': {
				const raw = ['12,5,3 tỷ', 'khoảng 2 triệu', 'N/A', '4,98 tyy'][(h >>> 12) % 4]!;
				set('Giá trị làm lợi (đồng/năm)', raw);
				return one('Giá trị làm lợi (đồng/năm)', raw, { outcome: 'quarantine', reason: 'bad_benefit' });
			}
			case 'bad_date': {
				const raw = ['31/02/2022 25:61', '2022-13-45', 'hôm qua', '00/00/0000'][(h >>> 12) % 4]!;
				set('Ngày cập nhật', raw);
				return one('Ngày cập nhật', raw, { outcome: 'quarantine', reason: 'bad_date' });
			}
			case 'date_out_of_range': {
				const raw = h & 0x10000 ? '15/12/2021 10:00' : '05/09/2023 09:00';
				set('Ngày cập nhật', raw);
				return one('Ngày cập nhật', raw, { outcome: 'quarantine', reason: 'date_out_of_range' });
			}
			case 'date_after_export': {
				const raw = formatMinute(at + 2 * MINUTES_PER_DAY);
				set('Ngày cập nhật', raw);
				return one('Ngày cập nhật', raw, { outcome: 'quarantine', reason: 'date_after_export' });
			}
			case 'unknown_status':
				set('Trạng thái', 'Đã hủy');
				return one('Trạng thái', 'Đã hủy', { outcome: 'quarantine', reason: 'unknown_status' });
			default: {
				const copy = values.slice();
				copy[COLUMN['Mã sáng kiến']] = '';
				return { values, after: copy, faults: [{ kind: 'missing_id', field: 'Mã sáng kiến', rawValue: '', expected: { outcome: 'quarantine', reason: 'missing_id' } }], rowOffsets: [1] };
			}
		}
	}
}

/** File-level CSV variants (BOM, CRLF) for some files when dirt is on, listed as faults of row 1. */
export function csvStyle(seed: number, dirty: number, file: ExportFile, faults: Fault[]): { bom: boolean; crlf: boolean } {
	if (dirty <= 0 || file.reject) return { bom: false, crlf: false };
	const h = hash3(seed, textCode(file.name), 9001);
	const bom = h % 4 === 0;
	const crlf = (h >>> 8) % 4 === 0;
	if (bom) faults.push({ file: file.name, row: 1, kind: 'bom', field: null, rawValue: '\uFEFF', expected: { outcome: 'normalised' } });
	if (crlf) faults.push({ file: file.name, row: 1, kind: 'crlf', field: null, rawValue: '\r\n', expected: { outcome: 'normalised' } });
	return { bom, crlf };
}

export { INITIATIVE_HEADERS };
