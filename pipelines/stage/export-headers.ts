// The headers each export dataset must carry (exact text from the export contract) and the header text normaliser.
import type { ExportDataset } from '../land/export-file-name.ts';

export const INITIATIVE_HEADERS = [
	'STT',
	'Mã sáng kiến',
	'Tên sáng kiến',
	'Lĩnh vực',
	'Tác giả',
	'Đồng tác giả',
	'Điện thoại',
	'Chức vụ',
	'Lãnh đạo, quản lý',
	'Mã CĐCS',
	'Công đoàn cơ sở',
	'Công đoàn cấp trên trực tiếp',
	'Đơn vị trực thuộc Tổng Liên đoàn',
	'Ngày cập nhật',
	'Ngày công nhận',
	'Trạng thái',
	'Ngày duyệt',
	'Giá trị làm lợi (đồng/năm)'
] as const;

export const UNIT_HEADERS = [
	'Mã đơn vị',
	'Tên đơn vị',
	'Cấp',
	'Mã đơn vị cấp trên',
	'Loại',
	'Tỉnh, thành phố',
	'Khối',
	'Số đoàn viên',
	'Chỉ tiêu giao',
	'Chỉ tiêu đăng ký',
	'Chỉ tiêu giai đoạn 1'
] as const;

/** Headers every file of the dataset must have; `STT` is ignored and so not required. */
export function requiredHeaders(dataset: ExportDataset): readonly string[] {
	return dataset === 'initiatives' ? INITIATIVE_HEADERS.filter((h) => h !== 'STT') : UNIT_HEADERS;
}

/** The header a file's id column carries, used to find the header row of a spreadsheet. */
export function idHeader(dataset: ExportDataset): string {
	return dataset === 'initiatives' ? 'Mã sáng kiến' : 'Mã đơn vị';
}

/** Header text as compared with the contract: NFC, BOM removed, inner whitespace collapsed, trimmed. */
export function normalizeHeader(text: string): string {
	return text.replace(/\uFEFF/gu, '').normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** The required headers a file lacks, in contract order. */
export function missingHeaders(dataset: ExportDataset, headers: readonly string[]): string[] {
	const present = new Set(headers.map(normalizeHeader));
	return requiredHeaders(dataset).filter((h) => !present.has(h));
}

/**
 * Column names for a file's headers: normalised, blanks named `column<n>`, repeats suffixed `_<n>`,
 * so every column of the file survives staging (the first of two equal headers is the one read).
 */
export function columnNames(headers: readonly string[]): string[] {
	const seen = new Map<string, number>();
	return headers.map((header, index) => {
		const base = normalizeHeader(header) || `column${index + 1}`;
		const count = seen.get(base) ?? 0;
		seen.set(base, count + 1);
		return count === 0 ? base : `${base}_${count + 1}`;
	});
}
