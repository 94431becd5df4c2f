// Renders one initiative as it appears in an export at a given time: raw field values, and a fast pre-escaped CSV line.
import { formatDay, formatMinute, MINUTES_PER_DAY, yearMonthCode } from './calendar.ts';
import { educationKindOf, titleParts, titleText, workplaceOf } from './initiative-title.ts';
import { FIELDS, POSITIONS } from './name-pools.ts';
import { personNameParts, personNameText } from './person-name.ts';
import { NO_DAY, STATUS, type Population } from './population.ts';
import { hash3 } from './prng.ts';
import type { UnitTree } from './unit-tree.ts';

/** The initiatives export's headers, exact text, in order. */
export const INITIATIVE_HEADERS = ['STT', 'Mã sáng kiến', 'Tên sáng kiến', 'Lĩnh vực', 'Tác giả', 'Đồng tác giả', 'Điện thoại', 'Chức vụ', 'Lãnh đạo, quản lý', 'Mã CĐCS', 'Công đoàn cơ sở', 'Công đoàn cấp trên trực tiếp', 'Đơn vị trực thuộc Tổng Liên đoàn', 'Ngày cập nhật', 'Ngày công nhận', 'Trạng thái', 'Ngày duyệt', 'Giá trị làm lợi (đồng/năm)'] as const;
export const COLUMN = Object.fromEntries(INITIATIVE_HEADERS.map((h, k) => [h, k])) as Record<(typeof INITIATIVE_HEADERS)[number], number>;
export const STATUS_TEXT = ['Đang xem xét', 'Hợp lệ', 'Không hợp lệ'] as const;
export const PHONE_PREFIXES = ['090', '091', '093', '094', '096', '097', '098', '086', '088', '032', '033', '034', '035', '036', '037', '038', '039', '070', '076', '077', '078', '079', '081', '082', '083', '084', '085'];

/** CSV field escaping (RFC 4180). */
export function csvField(value: string): string {
	return /[",\r\n]/u.test(value) ? `"${value.replace(/"/gu, '""')}"` : value;
}

function weightedIndex(weights: readonly (readonly [string, boolean, number])[], u: number): number {
	let total = 0;
	for (const w of weights) total += w[2];
	let x = u * total;
	for (let k = 0; k < weights.length; k++) {
		x -= weights[k]![2];
		if (x < 0) return k;
	}
	return weights.length - 1;
}

/** Renders initiatives of one population; every value derives from the seed and the initiative/author number. */
export class InitiativeRenderer {
	private readonly unitCsv: string[];
	private readonly fieldCsv = FIELDS.map(csvField);
	/** The workplace of every grassroots union (its name without "Công đoàn cơ sở"), as titles name it. */
	readonly workplace: string[];
	/** The title kind of an education initiative at every grassroots union (educationKindOf its workplace). */
	readonly educationKind: Uint8Array;
	readonly brvt: number;

	constructor(
		readonly tree: UnitTree,
		readonly population: Population,
		readonly seed: number
	) {
		const g = tree.grassroots;
		this.unitCsv = g.code.map((code, k) => {
			const upper = tree.uppers[g.upper[k]!]!;
			return `${code},${csvField(g.name[k]!)},${csvField(upper.name)},${csvField(tree.level1[g.level1[k]!]!.name)}`;
		});
		this.brvt = tree.level1.findIndex((u) => u.code === 'T77');
		this.workplace = g.name.map(workplaceOf);
		this.educationKind = Uint8Array.from(this.workplace, educationKindOf);
	}

	id(i: number): string {
		return `SK-${yearMonthCode(this.population.submitted[i]!)}-${String(i + 1).padStart(7, '0')}`;
	}

	title(i: number): string {
		const k = this.population.grassroots[i]!;
		return titleText(titleParts(this.seed, i, this.population.field[i]!, this.educationKind[k]!), this.workplace[k]!);
	}

	private titleQuoted(i: number): string {
		return `"${this.title(i).replace(/"/gu, '""')}"`;
	}

	/** A full name from a number (authors and co-authors). */
	personName(key: number, salt: number): string {
		return personNameText(personNameParts(this.seed, key, salt));
	}

	authorName(i: number): string {
		return this.personName(this.population.author[i]!, 2001);
	}

	coauthors(i: number): string {
		const h = hash3(this.seed, i, 3001) / 4294967296;
		const count = h < 0.6 ? 0 : h < 0.82 ? 1 : h < 0.94 ? 2 : 3;
		let text = '';
		for (let k = 0; k < count; k++) text += (k ? '; ' : '') + this.personName(i * 4 + k, 3002);
		return text;
	}

	/** Phone unique per author (a bijection of the author number); blank for 1% of authors outside BR–VT. */
	phone(i: number): string {
		const a = this.population.author[i]!;
		if (this.population.level1[i] !== this.brvt && hash3(this.seed, a, 4001) % 100 === 0) return '';
		const prefix = PHONE_PREFIXES[a % PHONE_PREFIXES.length]!;
		const local = (Math.floor(a / PHONE_PREFIXES.length) * 7654321 + (this.seed % 10_000_000)) % 10_000_000;
		return prefix + String(local).padStart(7, '0');
	}

	/** Position and leadership flag of the author. */
	position(i: number): readonly [string, boolean] {
		const positions = POSITIONS[this.tree.grassroots.sector[this.population.grassroots[i]!]!]!;
		const p = positions[this.positionIndex(i)]!;
		return [p[0], p[1]];
	}

	/** Index of the author's position in POSITIONS of the grassroots union's sector. */
	positionIndex(i: number): number {
		const positions = POSITIONS[this.tree.grassroots.sector[this.population.grassroots[i]!]!]!;
		return weightedIndex(positions, hash3(this.seed, this.population.author[i]!, 5001) / 4294967296);
	}

	statusAt(i: number, at: number): number {
		return this.population.reviewedAt[i]! <= at ? this.population.status[i]! : STATUS.underReview;
	}

	benefitText(i: number): string {
		const v = this.population.benefit[i]!;
		return v < 0 ? '' : String(v);
	}

	recognised(i: number): string {
		const d = this.population.recognisedDay[i]!;
		return d === NO_DAY ? '' : formatDay(d * MINUTES_PER_DAY);
	}

	/** Raw values in header order, as exported at time at, with row number stt. */
	values(i: number, at: number, stt: number): string[] {
		const p = this.population;
		const g = this.tree.grassroots;
		const k = p.grassroots[i]!;
		const reviewed = p.reviewedAt[i]! <= at;
		const [position, leader] = this.position(i);
		return [
			String(stt), this.id(i), this.title(i), FIELDS[p.field[i]!]!, this.authorName(i), this.coauthors(i), this.phone(i), position, leader ? 'Có' : 'Không',
			g.code[k]!, g.name[k]!, this.tree.uppers[g.upper[k]!]!.name, this.tree.level1[g.level1[k]!]!.name,
			formatMinute(p.submitted[i]!), this.recognised(i), STATUS_TEXT[this.statusAt(i, at)]!, reviewed ? formatMinute(p.reviewedAt[i]!) : '', this.benefitText(i)
		];
	}

	/** The columns that never change between exports (Mã sáng kiến … Ngày công nhận), CSV-escaped. */
	staticCsv(i: number): string {
		return `${this.personCsv(i)},${this.unitCsv[this.population.grassroots[i]!]},${this.datesCsv(i)}`;
	}

	/** Mã sáng kiến … Lãnh đạo, quản lý, CSV-escaped. */
	personCsv(i: number): string {
		const [position, leader] = this.position(i);
		return `${this.id(i)},${this.titleQuoted(i)},${this.fieldCsv[this.population.field[i]!]},${this.authorName(i)},${this.coauthors(i)},${this.phone(i)},${position},${leader ? 'Có' : 'Không'}`;
	}

	/** Mã CĐCS … Đơn vị trực thuộc Tổng Liên đoàn of grassroots union k, CSV-escaped. */
	grassrootsCsv(k: number): string {
		return this.unitCsv[k]!;
	}

	/** Ngày cập nhật and Ngày công nhận. */
	datesCsv(i: number): string {
		return `${formatMinute(this.population.submitted[i]!)},${this.recognised(i)}`;
	}

	/** The columns that depend on the export time (Trạng thái, Ngày duyệt, Giá trị làm lợi), CSV-escaped. */
	dynamicCsv(i: number, at: number): string {
		const p = this.population;
		const reviewed = p.reviewedAt[i]! <= at;
		return `${STATUS_TEXT[reviewed ? p.status[i]! : 0]},${reviewed ? formatMinute(p.reviewedAt[i]!) : ''},${this.benefitText(i)}`;
	}

	/** The same row as values(), CSV-escaped, without building the array. */
	csvLine(i: number, at: number, stt: number): string {
		return `${stt},${this.staticCsv(i)},${this.dynamicCsv(i, at)}`;
	}

	/** Initiatives of a scope (null = whole country) on the portal at time at, in id order. */
	*members(at: number, level1: number | null): Generator<number> {
		const p = this.population;
		for (let i = 0; i < p.count && p.submitted[i]! <= at; i++) {
			if (p.withdrawnAt[i]! <= at) continue;
			if (level1 !== null && p.level1[i] !== level1) continue;
			yield i;
		}
	}
}
