// Reads the small reviewed reference CSV files: a "# Source:" line, a header, RFC 4180 quoting.

export interface ReferenceFile {
	source: string;
	records: Record<string, string>[];
}

/** Splits CSV text into rows of fields (quotes, doubled quotes, commas and line breaks inside quotes). */
export function parseCsvRows(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (ch === '"') {
				quoted = false;
			} else {
				field += ch;
			}
		} else if (ch === '"') {
			quoted = true;
		} else if (ch === ',') {
			row.push(field);
			field = '';
		} else if (ch === '\n' || ch === '\r') {
			if (ch === '\r' && text[i + 1] === '\n') i++;
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
		} else {
			field += ch;
		}
	}
	if (field !== '' || row.length > 0) {
		row.push(field);
		rows.push(row);
	}
	return rows;
}

/** Parses a reference file: its source line, then records keyed by the header. */
export function parseReferenceFile(text: string, fileName: string): ReferenceFile {
	const normalized = text.replace(/^\uFEFF/u, '').normalize('NFC');
	const firstBreak = normalized.indexOf('\n');
	const sourceLine = normalized.slice(0, firstBreak).trim();
	if (!sourceLine.startsWith('# Source:')) {
		throw new Error(`${fileName}: the first line must be "# Source: …"`);
	}
	const [header, ...body] = parseCsvRows(normalized.slice(firstBreak + 1)).filter(
		(row) => !(row.length === 1 && row[0] === '')
	);
	if (!header) throw new Error(`${fileName}: no header row`);
	const records = body.map((row, index) => {
		if (row.length !== header.length) {
			throw new Error(
				`${fileName}: row ${index + 1} has ${row.length} fields, the header has ${header.length}`
			);
		}
		return Object.fromEntries(header.map((name, column) => [name, row[column]!.trim()]));
	});
	return { source: sourceLine.slice('# Source:'.length).trim(), records };
}
