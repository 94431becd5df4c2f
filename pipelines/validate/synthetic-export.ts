// Writes large synthetic exports (a unit tree and an initiatives CSV in the contract's layout) for throughput tests and benchmarks; deterministic, no personal data.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { INITIATIVE_HEADERS, UNIT_HEADERS } from '../stage/export-headers.ts';

export interface SyntheticShape {
	level1: number;
	uppersPerLevel1: number;
	grassrootsPerUpper: number;
}

export const DEFAULT_SHAPE: SyntheticShape = { level1: 63, uppersPerLevel1: 10, grassrootsPerUpper: 60 };

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const level1Code = (i: number) => `T${pad(i + 1, 2)}`;
const csvLine = (fields: string[]) =>
	fields.map((f) => (/[",\r\n]/u.test(f) ? `"${f.replace(/"/gu, '""')}"` : f)).join(',') + '\r\n';

/** Units CSV: level-1 "Công đoàn Đơn vị <i>", uppers, grassroots with names repeated across uppers. */
export async function writeSyntheticUnits(path: string, shape: SyntheticShape = DEFAULT_SHAPE): Promise<void> {
	const out = createWriteStream(path);
	out.write(csvLine([...UNIT_HEADERS]));
	for (let a = 0; a < shape.level1; a++) {
		const l1 = level1Code(a);
		out.write(csvLine([l1, `Công đoàn Đơn vị ${a + 1}`, '1', '', 'Công đoàn ngành Trung ương', 'Hà Nội', '', '100000', '10000', '', '']));
		for (let b = 0; b < shape.uppersPerLevel1; b++) {
			const up = `${l1}.${pad(b + 1, 2)}`;
			out.write(csvLine([up, `Công đoàn cấp trên ${b + 1}`, '2', l1, 'CĐ cấp trên', 'Hà Nội', '', '5000', '500', '', '']));
			for (let c = 0; c < shape.grassrootsPerUpper; c++) {
				out.write(csvLine([`${up}.${pad(c + 1, 4)}`, `Công đoàn cơ sở ${b}-${c}`, '3', up, 'CĐCS', 'Hà Nội', 'Y tế', '50', '5', '', '']));
			}
		}
	}
	out.end();
	await once(out, 'finish');
}

/** Initiatives CSV of `rows` records: codes for 3 in 4, names otherwise; mixed benefit, status and date forms. */
export async function writeSyntheticInitiatives(path: string, rows: number, shape: SyntheticShape = DEFAULT_SHAPE): Promise<void> {
	const out = createWriteStream(path);
	out.write(`\uFEFF${csvLine([...INITIATIVE_HEADERS])}`);
	const statuses = ['Hợp lệ', 'Đang xem xét', 'Không hợp lệ', 'Chờ duyệt'];
	const fields = ['Sản xuất, kinh doanh', 'Giáo dục, đào tạo', 'Y tế', 'Khác', 'sản xuất,kinh doanh'];
	const benefits = ['', '4980000000', '4.980.000.000', '4,98 tỷ', '520 triệu', '0', '', '12000000'];
	let buffer = '';
	for (let i = 0; i < rows; i++) {
		const a = i % shape.level1;
		const b = Math.floor(i / shape.level1) % shape.uppersPerLevel1;
		const c = Math.floor(i / 7) % shape.grassrootsPerUpper;
		const code = `${level1Code(a)}.${pad(b + 1, 2)}.${pad(c + 1, 4)}`;
		const day = 1 + (i % 28);
		const month = 2 + (i % 10);
		const submitted = `${pad(day, 2)}/${pad(month, 2)}/2022 ${pad(i % 24, 2)}:${pad(i % 60, 2)}`;
		const status = statuses[i % 4]!;
		const reviewed = status === 'Hợp lệ' || status === 'Không hợp lệ' ? `${pad(day, 2)}/${pad(month + 1, 2)}/2022 09:00` : '';
		buffer += csvLine([
			String(i + 1), `SK-${pad(i + 1, 9)}`, i % 50 === 0 ? `Sáng kiến số ${i}, cải tiến "A"\nphần 2` : `Sáng kiến cải tiến số ${i}`,
			fields[i % fields.length]!, 'Tác Giả Mẫu', '', `09${pad(i % 100_000_000, 8)}`, 'Công nhân', i % 9 === 0 ? 'Có' : 'Không',
			i % 4 === 3 ? '' : code, `Công đoàn cơ sở ${b}-${c}`, `Công đoàn cấp trên ${b + 1}`, `Công đoàn Đơn vị ${a + 1}`,
			submitted, '', status, reviewed, benefits[i % benefits.length]!
		]);
		if (buffer.length > 1 << 20) {
			if (!out.write(buffer)) await once(out, 'drain');
			buffer = '';
		}
	}
	out.write(buffer);
	out.end();
	await once(out, 'finish');
}
