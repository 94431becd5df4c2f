// Turns an exceljs cell value into the text the export meant: numbers as written, dates as ISO wall-clock, rich text joined.

/** ISO wall-clock text of a date cell; exceljs builds dates whose UTC fields hold the sheet's wall-clock time. */
export function dateCellText(date: Date): string {
	const rounded = new Date(Math.round(date.getTime() / 1000) * 1000);
	return rounded.toISOString().slice(0, 19);
}

/** Text of one cell value, or null for an empty cell. */
export function cellText(value: unknown): string | null {
	if (value === null || value === undefined) return null;
	if (typeof value === 'string') return value;
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
	if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : dateCellText(value);
	if (typeof value === 'object') {
		const v = value as Record<string, unknown>;
		if (Array.isArray(v.richText)) return v.richText.map((part: { text?: string }) => part.text ?? '').join('');
		if ('result' in v) return cellText(v.result);
		if ('text' in v) return cellText(v.text);
		if ('error' in v) return String(v.error);
	}
	return String(value);
}
