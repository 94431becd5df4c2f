// Renders a run of initiatives' CSV bytes once (unchanging columns, reviewed status and time, benefit), so snapshot rows become copies.
import { formatMinute } from './calendar.ts';
import { STATUS_TEXT, type InitiativeRenderer } from './initiative-rows.ts';
import { NEVER } from './population.ts';

/** "Đang xem xét,," : the status and review time of a row not reviewed yet at the export time. */
export const UNREVIEWED = Buffer.from(`${STATUS_TEXT[0]},,`, 'utf8');

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
	/** ",<grassroots columns>," of every grassroots union, encoded once. */
	private readonly unitBytes: Buffer;
	private readonly unitStart: Int32Array;

	constructor(
		private readonly renderer: InitiativeRenderer,
		readonly size: number
	) {
		this.bytes = Buffer.allocUnsafe(size * 512);
		this.start = new Int32Array(size + 1);
		this.review = new Int32Array(size);
		this.benefit = new Int32Array(size);
		const units = renderer.tree.grassroots.code.length;
		const texts = Array.from({ length: units }, (_, k) => `,${renderer.grassrootsCsv(k)},`);
		this.unitBytes = Buffer.from(texts.join(''), 'utf8');
		this.unitStart = new Int32Array(units + 1);
		for (let k = 0; k < units; k++) this.unitStart[k + 1] = this.unitStart[k]! + Buffer.byteLength(texts[k]!, 'utf8');
	}

	/** Renders initiatives first … end − 1 (at most size of them). */
	fill(first: number, end: number): void {
		const p = this.renderer.population;
		this.first = first;
		this.count = end - first;
		let offset = 0;
		for (let k = 0; k < this.count; k++) {
			const i = first + k;
			const person = this.renderer.personCsv(i);
			const g = p.grassroots[i]!;
			const unitFrom = this.unitStart[g]!;
			const unitTo = this.unitStart[g + 1]!;
			const dates = `${this.renderer.datesCsv(i)},`;
			const reviewedAt = p.reviewedAt[i]!;
			const tail = reviewedAt === NEVER ? '' : `${STATUS_TEXT[p.status[i]!]},${formatMinute(reviewedAt)},`;
			const benefit = this.renderer.benefitText(i);
			while (offset + (person.length + dates.length + tail.length) * 3 + unitTo - unitFrom + benefit.length > this.bytes.length) this.grow(offset);
			this.start[k] = offset;
			offset += this.bytes.write(person, offset, 'utf8');
			offset += this.unitBytes.copy(this.bytes, offset, unitFrom, unitTo);
			offset += this.bytes.write(dates, offset, 'latin1');
			this.review[k] = offset;
			offset += this.bytes.write(tail, offset, 'utf8');
			this.benefit[k] = offset;
			offset += this.bytes.write(benefit, offset, 'latin1');
		}
		this.start[this.count] = offset;
	}

	private grow(used: number): void {
		const grown = Buffer.allocUnsafe(this.bytes.length * 2);
		this.bytes.copy(grown, 0, 0, used);
		this.bytes = grown;
	}
}
