// Writes export files: streamed CSV through large buffers (optionally gzipped, BOM, CRLF), JSON arrays, and XLSX sheets.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import type { stream } from 'exceljs';
import { csvField } from './initiative-rows.ts';

export interface WrittenFile {
	sha256: string;
	bytes: number;
}

const CHUNK = 8 * 1024 * 1024;
const FIXED_DATE = new Date(Date.UTC(2023, 9, 8));

type WorkbookWriterClass = typeof stream.xlsx.WorkbookWriter;
let workbookWriter: WorkbookWriterClass | undefined;

/** ExcelJS's streaming workbook writer alone, loaded on first use (the whole library takes about half a second more to load). */
function loadWorkbookWriter(): WorkbookWriterClass {
	workbookWriter ??= createRequire(import.meta.url)('exceljs/lib/stream/xlsx/workbook-writer.js') as WorkbookWriterClass;
	return workbookWriter;
}

/** CSV text written line by line into big buffers; flushed to disk (or gzipped whole at the end). */
export class CsvWriter {
	private readonly buffer: Buffer;
	private offset = 0;
	private readonly hash = createHash('sha256');
	private readonly fd: number | null;
	private readonly kept: Buffer[] = [];
	private bytes = 0;
	private readonly newline: string;
	private readonly crlf: boolean;

	constructor(
		private readonly path: string,
		private readonly options: { gzip?: boolean; bom?: boolean; crlf?: boolean; inMemory?: boolean; bufferSize?: number; buffer?: Buffer } = {}
	) {
		this.buffer = options.buffer ?? Buffer.allocUnsafe(options.bufferSize ?? CHUNK);
		this.fd = options.gzip || options.inMemory ? null : openSync(path, 'w');
		this.crlf = !!options.crlf;
		this.newline = options.crlf ? '\r\n' : '\n';
		if (options.bom) this.offset = this.buffer.write('\uFEFF', 0, 'utf8');
	}

	/** Writes one already-escaped CSV line. */
	line(text: string): void {
		this.reserve(text.length * 3 + 2);
		this.offset += this.buffer.write(text, this.offset, 'utf8');
		this.offset += this.buffer.write(this.newline, this.offset, 'latin1');
	}

	/** Makes room for n more bytes (n at most the buffer size). */
	reserve(n: number): void {
		if (this.offset + n > this.buffer.length) this.flush();
	}

	/** Writes a non-negative integer (below 2^31) and a comma (room reserved by the caller). */
	intComma(value: number): void {
		const buffer = this.buffer;
		let digits = 1;
		for (let v = value; v >= 10; v = (v / 10) | 0) digits++;
		const end = this.offset + digits;
		for (let v = value, p = end; p > this.offset; ) {
			const q = (v / 10) | 0;
			buffer[--p] = 0x30 + v - q * 10;
			v = q;
		}
		buffer[end] = 0x2c;
		this.offset = end + 1;
	}

	/** Copies source[start … end) (room reserved by the caller). */
	copy(source: Buffer, start: number, end: number): void {
		this.offset += source.copy(this.buffer, this.offset, start, end);
	}

	/**
	 * Copies arena[start … end) where arena is the ArrayBuffer this writer's buffer (given in the options) lies in: one
	 * copyWithin, no view allocated (room reserved by the caller).
	 */
	copyInArena(arena: Uint8Array, start: number, end: number): void {
		arena.copyWithin(this.buffer.byteOffset + this.offset, start, end);
		this.offset += end - start;
	}

	/** Ends a line (room reserved by the caller). */
	endLine(): void {
		if (this.crlf) this.buffer[this.offset++] = 0x0d;
		this.buffer[this.offset++] = 0x0a;
	}

	/** Writes raw values, escaping them. */
	values(values: readonly string[]): void {
		this.line(values.map(csvField).join(','));
	}

	private flush(): void {
		const chunk = this.buffer.subarray(0, this.offset);
		if (this.fd === null) this.kept.push(Buffer.from(chunk));
		else {
			this.hash.update(chunk);
			writeSync(this.fd, chunk);
			this.bytes += chunk.length;
		}
		this.offset = 0;
	}

	/** The content so far (in-memory writers only). */
	content(): Buffer {
		this.flush();
		return Buffer.concat(this.kept);
	}

	close(): WrittenFile {
		if (this.fd === null) {
			const raw = this.content();
			const data = this.options.gzip ? gzipSync(raw) : raw;
			writeFileSync(this.path, data);
			return { sha256: createHash('sha256').update(data).digest('hex'), bytes: data.length };
		}
		this.flush();
		closeSync(this.fd);
		return { sha256: this.hash.digest('hex'), bytes: this.bytes };
	}
}

/** Writes a JSON array of objects keyed by the headers. */
export function writeJson(path: string, headers: readonly string[], rows: readonly (string | number)[][], gzip: boolean): WrittenFile {
	const lines = rows.map((row) => JSON.stringify(Object.fromEntries(headers.map((h, k) => [h, row[k] ?? '']))));
	const raw = Buffer.from(`[\n${lines.join(',\n')}\n]\n`, 'utf8');
	const data = gzip ? gzipSync(raw) : raw;
	writeFileSync(path, data);
	return { sha256: createHash('sha256').update(data).digest('hex'), bytes: data.length };
}

/** Writes an XLSX workbook: optional title rows, then the header, then the rows (numbers stay numbers). */
export async function writeXlsx(path: string, title: string[], headers: readonly string[], rows: readonly (string | number)[][]): Promise<WrittenFile> {
	const WorkbookWriter = loadWorkbookWriter();
	const workbook = new WorkbookWriter({ filename: path, useStyles: true });
	// Fixed dates inside the workbook and its zip entries, so the same seed gives the same bytes.
	workbook.created = workbook.modified = FIXED_DATE;
	const zip = (workbook as unknown as { zip: { append: (source: unknown, data: Record<string, unknown>) => unknown } }).zip;
	const append = zip.append.bind(zip);
	zip.append = (source, data) => append(source, { ...data, date: FIXED_DATE });
	const sheet = workbook.addWorksheet('Sang kien');
	for (const line of title) sheet.addRow(line ? [line] : []).commit();
	sheet.addRow([...headers]).commit();
	for (const row of rows) {
		const added = sheet.addRow(row);
		row.forEach((v, k) => {
			if (typeof v === 'number' && v > 40000 && v < 50000 && !Number.isInteger(v * 1)) added.getCell(k + 1).numFmt = 'dd/mm/yyyy hh:mm';
		});
		added.commit();
	}
	sheet.commit();
	await workbook.commit();
	const data = fixZipTimes(readFileSync(path));
	writeFileSync(path, data);
	return { sha256: createHash('sha256').update(data).digest('hex'), bytes: data.length };
}

/** Sets every zip entry's DOS time to 08/10/2023 00:00 (some entries are stamped with the clock by the zip library). */
export function fixZipTimes(zip: Buffer): Buffer {
	const time = 0;
	const date = ((2023 - 1980) << 9) | (10 << 5) | 8;
	const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
	if (end < 0) return zip;
	const entries = zip.readUInt16LE(end + 10);
	let p = zip.readUInt32LE(end + 16);
	for (let k = 0; k < entries; k++) {
		zip.writeUInt16LE(time, p + 12);
		zip.writeUInt16LE(date, p + 14);
		const local = zip.readUInt32LE(p + 42);
		zip.writeUInt16LE(time, local + 10);
		zip.writeUInt16LE(date, local + 12);
		p += 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
	}
	return zip;
}
