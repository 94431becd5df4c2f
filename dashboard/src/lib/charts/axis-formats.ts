// vi-VN tick formats for Plot axes (1.234.567; 108,9%; 20/04/2022) and the wall-clock ↔ Date convention of time charts.
import { formatDecimal, formatInteger, formatPercent, formatVnd, type Language } from '../../../../queries/format/vi-format.ts';
import type { WallClock } from '../../../../warehouse/time/wall-clock.ts';
import type { ColumnKind } from '../exports/export-table.ts';

/**
 * Time charts put a Viet Nam wall-clock time on a UTC scale: "2022-04-20T08:00:00" becomes the Date whose UTC
 * fields read 20/04/2022 08:00, so ticks fall on Viet Nam midnights whatever the server's time zone.
 */
export function chartDate(time: WallClock): Date {
	return new Date(`${time.length <= 10 ? `${time}T00:00:00` : time.slice(0, 19)}Z`);
}

/** "20/04/2022" of a chartDate. */
export function formatChartDate(date: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
}

/** The formatter of a value kind, for ticks, labels and tables: integer 1.234.567, percent 108,9%, VND "4,98 tỷ đồng". */
export function valueFormatter(kind: ColumnKind, language: Language = 'vi'): (value: number) => string {
	switch (kind) {
		case 'percent':
			return (value) => formatPercent(value, language);
		case 'decimal':
			return (value) => formatDecimal(value, 2, language);
		case 'vnd':
			return (value) => formatVnd(value, language);
		default:
			return (value) => formatInteger(value, language);
	}
}

/** Axis ticks for a value kind: percentages without decimals, VND in tỷ (billions) without the unit. */
export function tickFormatter(kind: ColumnKind, language: Language = 'vi'): (value: number) => string {
	if (kind === 'percent') return (value) => formatPercent(value, language, 0);
	if (kind === 'vnd') return (value) => formatInteger(value / 1e9, language);
	return valueFormatter(kind, language);
}

/** The axis label a kind needs (VND ticks are in tỷ đồng), or null. */
export function axisLabel(kind: ColumnKind, language: Language = 'vi'): string | null {
	return kind === 'vnd' ? (language === 'vi' ? 'tỷ đồng' : 'billion VND') : null;
}
