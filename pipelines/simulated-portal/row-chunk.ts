// Renders a run of initiatives' CSV bytes once (unchanging columns, reviewed status and time, benefit), so snapshot rows become copies.
import { formatDay, formatMinute, MINUTES_PER_DAY, yearMonthCode } from './calendar.ts';
import { titleParts, WORKPLACE } from './initiative-title.ts';
import { personNameParts } from './person-name.ts';
import { FAMILY_NAMES, FIELDS, GIVEN_NAMES, MIDDLE_NAMES, POSITIONS, TITLE_HEADS, TITLE_OBJECTS, TITLE_QUALIFIERS, TITLE_TAILS } from './name-pools.ts';
import { csvField, PHONE_PREFIXES, STATUS_TEXT, type InitiativeRenderer } from './initiative-rows.ts';
import { NEVER, NO_DAY } from './population.ts';
import { hash3 } from './prng.ts';

/** "Đang xem xét,," : the status and review time of a row not reviewed yet at the export time. */
export const UNREVIEWED = Buffer.from(`${STATUS_TEXT[0]},,`, 'utf8');

/** Days with precomputed text: from FIRST_DAY (recognition dates go back to 2021) up to the calendar's last day. */
const FIRST_DAY = -400;
const LAST_DAY = 1096;
/** Bytes a row may take besides its grassroots columns (checked before each row). */
const ROW_ROOM = 4096;

const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));

/** Copies src into out at o; returns the offset after it (short pieces: a loop beats a native call). */
function put(out: Uint8Array, o: number, src: Uint8Array): number {
	const n = src.length;
	for (let j = 0; j < n; j++) out[o + j] = src[j]!;
	return o + n;
}

/** Writes a non-negative integer below 2^53 with at least width digits (zero-padded). */
function putInt(out: Uint8Array, o: number, value: number, width: number): number {
	let digits = 1;
	for (let v = value; v >= 10; v = Math.floor(v / 10)) digits++;
	if (digits < width) digits = width;
	let v = value;
	for (let p = o + digits - 1; p >= o; p--) {
		const q = Math.floor(v / 10);
		out[p] = 0x30 + v - q * 10;
		v = q;
	}
	return o + digits;
}

/** UTF-8 of each text, as views into one buffer. */
function encodeEach(texts: readonly string[]): Uint8Array[] {
	const all = Buffer.from(texts.join(''), 'utf8');
	const views = new Array<Uint8Array>(texts.length);
	for (let k = 0, at = 0; k < texts.length; k++) {
		const length = Buffer.byteLength(texts[k]!, 'utf8');
		views[k] = all.subarray(at, at + length);
		at += length;
	}
	return views;
}

/** The text pieces rows are made of, UTF-8 encoded once. */
class Pieces {
	readonly heads = TITLE_HEADS.map((h) => utf8(`"${h} `));
	readonly objects = TITLE_OBJECTS.map((list) => list.map((o) => utf8(o.replace(/"/gu, '""'))));
	readonly qualifiers = TITLE_QUALIFIERS.map((list) => list.map((q) => utf8(q.replace(/"/gu, '""'))));
	readonly tails = TITLE_TAILS.map((t) => utf8(`${t}",`));
	readonly fields = FIELDS.map((f) => utf8(`${csvField(f)},`));
	readonly family = FAMILY_NAMES.map((n) => utf8(`${n} `));
	readonly middle = MIDDLE_NAMES.map((list) => list.map((n) => utf8(`${n} `)));
	readonly given = GIVEN_NAMES.map((list) => list.map(utf8));
	readonly prefixes = PHONE_PREFIXES.map(utf8);
	/** ",<position>,<Có|Không>" by sector and position index. */
	readonly positions = POSITIONS.map((list) => list.map(([name, leader]) => utf8(`,${name},${leader ? 'Có' : 'Không'}`)));
	readonly status = STATUS_TEXT.map((s) => utf8(`${s},`));
	/** "dd/mm/yyyy" of day FIRST_DAY + k at 10k. */
	readonly days = new Uint8Array((LAST_DAY - FIRST_DAY) * 10);
	/** "yymm" of day k at 4k (days from 0). */
	readonly months = new Uint8Array(LAST_DAY * 4);
	/** " HH:mm" of minute-of-day k at 6k. */
	readonly clocks = new Uint8Array(MINUTES_PER_DAY * 6);

	constructor() {
		for (let d = FIRST_DAY; d < LAST_DAY; d++) this.days.set(Buffer.from(formatDay(d * MINUTES_PER_DAY), 'latin1'), (d - FIRST_DAY) * 10);
		for (let d = 0; d < LAST_DAY; d++) this.months.set(Buffer.from(yearMonthCode(d * MINUTES_PER_DAY), 'latin1'), d * 4);
		for (let m = 0; m < MINUTES_PER_DAY; m++) this.clocks.set(Buffer.from(formatMinute(m).slice(10), 'latin1'), m * 6);
	}

	/** Writes formatMinute(minute) (16 bytes within the tables, else the text). */
	minute(out: Buffer, o: number, minute: number): number {
		const day = Math.floor(minute / MINUTES_PER_DAY);
		if (day < 0 || day >= LAST_DAY) return o + out.write(formatMinute(minute), o, 'utf8');
		const d = (day - FIRST_DAY) * 10;
		for (let j = 0; j < 10; j++) out[o + j] = this.days[d + j]!;
		const c = (minute - day * MINUTES_PER_DAY) * 6;
		for (let j = 0; j < 6; j++) out[o + 10 + j] = this.clocks[c + j]!;
		return o + 16;
	}

	/** Writes formatDay(day × 1440). */
	day(out: Buffer, o: number, day: number): number {
		if (day < FIRST_DAY || day >= LAST_DAY) return o + out.write(formatDay(day * MINUTES_PER_DAY), o, 'utf8');
		const d = (day - FIRST_DAY) * 10;
		for (let j = 0; j < 10; j++) out[o + j] = this.days[d + j]!;
		return o + 10;
	}
}

/**
 * Initiative first + k is laid out as `<Mã sáng kiến … Ngày công nhận>,` from start[k], `<status>,<reviewed at>,` from
 * review[k] (empty when never reviewed), `<benefit>` from benefit[k], up to start[k + 1].
 */
export class RowChunk {
	first = 0;
	count = 0;
	bytes: Buffer;
	readonly start: Int32Array;
	readonly review: Int32Array;
	readonly benefit: Int32Array;
	private readonly pieces = new Pieces();
	/** ",<grassroots columns>," of every grassroots union, encoded once. */
	private readonly units: Uint8Array[];
	/** " tại <workplace>" and ", <workplace>" of every grassroots union, CSV-quoted, by WORKPLACE.at and WORKPLACE.comma. */
	private readonly workplaces: [Uint8Array[], Uint8Array[]];

	/** bytes: where to render (grown elsewhere when too small), by default size × 512 bytes of its own. */
	constructor(
		private readonly renderer: InitiativeRenderer,
		readonly size: number,
		bytes?: Buffer
	) {
		this.bytes = bytes ?? Buffer.allocUnsafe(size * 512);
		this.start = new Int32Array(size + 1);
		this.review = new Int32Array(size);
		this.benefit = new Int32Array(size);
		const count = renderer.tree.grassroots.code.length;
		const texts = Array.from({ length: count }, (_, k) => `,${renderer.grassrootsCsv(k)},`);
		this.units = encodeEach(texts);
		const workplaces = renderer.workplace.map((w) => w.replace(/"/gu, '""'));
		this.workplaces = [encodeEach(workplaces.map((w) => ` tại ${w}`)), encodeEach(workplaces.map((w) => `, ${w}`))];
	}

	/** Renders initiatives first … end − 1 (at most size of them), byte for byte as InitiativeRenderer's CSV line without its STT. */
	fill(first: number, end: number): void {
		const renderer = this.renderer;
		const p = renderer.population;
		const seed = renderer.seed;
		const sector = renderer.tree.grassroots.sector;
		const t = this.pieces;
		this.first = first;
		this.count = end - first;
		let o = 0;
		for (let k = 0; k < this.count; k++) {
			const i = first + k;
			const unit = this.units[p.grassroots[i]!]!;
			if (o + ROW_ROOM + unit.length > this.bytes.length) this.grow(o, ROW_ROOM + unit.length);
			const out = this.bytes;
			this.start[k] = o;
			// Mã sáng kiến: SK-yymm-0000001.
			const submitted = p.submitted[i]!;
			const day = Math.floor(submitted / MINUTES_PER_DAY);
			if (day >= 0 && day < LAST_DAY) {
				out[o++] = 0x53;
				out[o++] = 0x4b;
				out[o++] = 0x2d;
				for (let j = 0; j < 4; j++) out[o++] = t.months[day * 4 + j]!;
				out[o++] = 0x2d;
				o = putInt(out, o, i + 1, 7);
			} else o += out.write(renderer.id(i), o, 'utf8');
			out[o++] = 0x2c;
			// Tên sáng kiến, quoted.
			const field = p.field[i]!;
			const grassroots = p.grassroots[i]!;
			const title = titleParts(seed, i, field, renderer.educationKind[grassroots]!);
			o = put(out, o, t.heads[title.head]!);
			o = put(out, o, t.objects[title.kind]![title.object]!);
			o = put(out, o, t.qualifiers[title.kind]![title.qualifier]!);
			if (title.workplace !== WORKPLACE.none) o = put(out, o, this.workplaces[title.workplace - 1]![grassroots]!);
			o = put(out, o, t.tails[title.tail]!);
			o = put(out, o, t.fields[field]!);
			// Tác giả, Đồng tác giả.
			const author = p.author[i]!;
			o = this.person(out, o, author, 2001);
			out[o++] = 0x2c;
			const c = hash3(seed, i, 3001) / 4294967296;
			const coauthors = c < 0.6 ? 0 : c < 0.82 ? 1 : c < 0.94 ? 2 : 3;
			for (let j = 0; j < coauthors; j++) {
				if (j) {
					out[o++] = 0x3b;
					out[o++] = 0x20;
				}
				o = this.person(out, o, i * 4 + j, 3002);
			}
			out[o++] = 0x2c;
			// Điện thoại (blank for 1% of authors outside BR–VT).
			if (p.level1[i] === renderer.brvt || hash3(seed, author, 4001) % 100 !== 0) {
				const local = (Math.floor(author / PHONE_PREFIXES.length) * 7654321 + (seed % 10_000_000)) % 10_000_000;
				if (local >= 0) o = putInt(out, put(out, o, t.prefixes[author % PHONE_PREFIXES.length]!), local, 7);
				else o += out.write(renderer.phone(i), o, 'utf8');
			}
			// Chức vụ, Lãnh đạo, quản lý; the grassroots columns.
			o = put(out, o, t.positions[sector[p.grassroots[i]!]!]![renderer.positionIndex(i)]!);
			out.set(unit, o);
			o += unit.length;
			// Ngày cập nhật, Ngày công nhận.
			o = t.minute(out, o, submitted);
			out[o++] = 0x2c;
			const recognised = p.recognisedDay[i]!;
			if (recognised !== NO_DAY) o = t.day(out, o, recognised);
			out[o++] = 0x2c;
			// Trạng thái, Ngày duyệt once reviewed.
			this.review[k] = o;
			const reviewedAt = p.reviewedAt[i]!;
			if (reviewedAt !== NEVER) {
				o = put(out, o, t.status[p.status[i]!]!);
				o = t.minute(out, o, reviewedAt);
				out[o++] = 0x2c;
			}
			// Giá trị làm lợi.
			this.benefit[k] = o;
			const value = p.benefit[i]!;
			if (value >= 0) {
				if (Number.isSafeInteger(value)) o = putInt(out, o, value, 1);
				else o += out.write(String(value), o, 'latin1');
			}
		}
		this.start[this.count] = o;
	}

	/** Writes the full name of person key (FAMILY MIDDLE GIVEN). */
	private person(out: Buffer, o: number, key: number, salt: number): number {
		const t = this.pieces;
		const name = personNameParts(this.renderer.seed, key, salt);
		o = put(out, o, t.family[name.family]!);
		o = put(out, o, t.middle[name.gender]![name.middle]!);
		return put(out, o, t.given[name.gender]![name.given]!);
	}

	private grow(used: number, room: number): void {
		const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, used + room));
		this.bytes.copy(grown, 0, 0, used);
		this.bytes = grown;
	}
}
