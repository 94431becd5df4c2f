// Makes exceljs's streaming XLSX reader decode each part (shared strings, worksheets) as one UTF-8 stream: exceljs 4.4 decodes every chunk on its own, so a multibyte character split between two chunks became U+FFFD ("l���p" for "lớp").
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/** Chunks of bytes (or text) as text, a character split between two chunks decoded whole (a streaming TextDecoder). */
export async function* utf8Chunks(chunks: AsyncIterable<Buffer | Uint8Array | string>): AsyncGenerator<string> {
	const decoder = new TextDecoder('utf-8');
	for await (const chunk of chunks) {
		const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
		if (text !== '') yield text;
	}
	const tail = decoder.decode();
	if (tail !== '') yield tail;
}

interface WorkbookReaderInternals {
	_parseSharedStrings(entry: AsyncIterable<Buffer>): AsyncGenerator<unknown>;
	_parseWorksheet(iterator: AsyncIterable<Buffer>, sheetNo: string): Generator<unknown>;
}

const PATCHED = Symbol.for('sang-kien.xlsx-utf8-chunks');

/**
 * Wraps the reader's two text parts, once per process: the shared strings (every text cell of an export) and each worksheet
 * (inline strings) reach exceljs's XML parser as whole characters. Its own decoding leaves text alone (it decodes Buffers only).
 */
export function decodeXlsxPartsWhole(): void {
	const prototype = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as WorkbookReaderInternals & { [PATCHED]?: true };
	if (prototype[PATCHED]) return;
	const parseSharedStrings = prototype._parseSharedStrings;
	const parseWorksheet = prototype._parseWorksheet;
	// exceljs reads the shared strings as a stream ('data' events): text chunks in object mode
	prototype._parseSharedStrings = function (this: WorkbookReaderInternals, entry) {
		return parseSharedStrings.call(this, Readable.from(utf8Chunks(entry)) as unknown as AsyncIterable<Buffer>);
	};
	prototype._parseWorksheet = function (this: WorkbookReaderInternals, iterator, sheetNo) {
		return parseWorksheet.call(this, utf8Chunks(iterator) as unknown as AsyncIterable<Buffer>, sheetNo);
	};
	prototype[PATCHED] = true;
}
