// Reads the header record of a CSV export (plain or gzipped) without reading the whole file, and tells whether a file ends with a line break.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { parseCsvRows } from '../../warehouse/reference/csv-records.ts';

/** Index just past the first record's line break outside quotes, or -1 when the text holds no complete record. */
export function firstRecordEnd(text: string): number {
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (ch === '"') quoted = !quoted;
		else if (!quoted && (ch === '\n' || ch === '\r')) return ch === '\r' && text[i + 1] === '\n' ? i + 2 : i + 1;
	}
	return -1;
}

/** The header fields of CSV text that starts the file (BOM allowed); [] for an empty file. */
export function parseHeaderRecord(text: string): string[] {
	const body = text.replace(/^\uFEFF/u, '');
	const end = firstRecordEnd(body);
	const record = end === -1 ? body : body.slice(0, end);
	if (record.trim() === '') return [];
	return parseCsvRows(record)[0] ?? [];
}

function openText(path: string, gzip: boolean): NodeJS.ReadableStream {
	const raw = createReadStream(path);
	return gzip ? raw.pipe(createGunzip()) : raw;
}

/** Reads the first record of a CSV file: enough bytes to hold it (at most 1 MiB). */
export async function readCsvHeader(path: string, gzip: boolean): Promise<string[]> {
	const stream = openText(path, gzip);
	const chunks: Buffer[] = [];
	let size = 0;
	try {
		for await (const chunk of stream) {
			const buffer = chunk as Buffer;
			chunks.push(buffer);
			size += buffer.length;
			if (firstRecordEnd(Buffer.concat(chunks).toString('utf8')) !== -1 || size > 1 << 20) break;
		}
	} catch {
		// A broken gzip stream still yields what it decompressed; DuckDB reports the break when it reads.
	}
	(stream as unknown as { destroy?: () => void }).destroy?.();
	return parseHeaderRecord(Buffer.concat(chunks).toString('utf8'));
}

/** Whether the file's (decompressed) content ends with a line break; streams gzipped files to their end. */
export async function endsWithLineBreak(path: string, gzip: boolean): Promise<boolean> {
	if (!gzip) {
		const handle = await open(path, 'r');
		try {
			const { size } = await handle.stat();
			if (size === 0) return false;
			const last = Buffer.alloc(1);
			await handle.read(last, 0, 1, size - 1);
			return last[0] === 0x0a || last[0] === 0x0d;
		} finally {
			await handle.close();
		}
	}
	let last = -1;
	for await (const chunk of openText(path, true)) {
		const buffer = chunk as Buffer;
		if (buffer.length > 0) last = buffer[buffer.length - 1]!;
	}
	return last === 0x0a || last === 0x0d;
}
