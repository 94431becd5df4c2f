// Vietnamese (vi-VN) presentation of figures: 1.234.567; 4,98 tỷ đồng; 108,9%; 20/04/2022; "8 giờ ngày 20/4/2022".
import type { WallClock } from '../../warehouse/time/wall-clock.ts';

export type Language = 'vi' | 'en';

const integerFormats = {
	vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }),
	en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 })
};

/** 1234567 → "1.234.567" (vi) or "1,234,567" (en). */
export function formatInteger(value: number, language: Language = 'vi'): string {
	// A safe integer's digits are grouped here (a page formats thousands of table cells; Intl costs ~1 µs each), as Intl groups them.
	if (!Number.isSafeInteger(value)) {
		const formatted = integerFormats[language].format(value);
		// A small negative fraction rounds to zero, written without a sign.
		return formatted === '-0' ? '0' : formatted;
	}
	const digits = String(Math.abs(value));
	const separator = language === 'vi' ? '.' : ',';
	let grouped = digits.slice(0, ((digits.length - 1) % 3) + 1);
	for (let at = grouped.length; at < digits.length; at += 3) grouped += separator + digits.slice(at, at + 3);
	return value < 0 ? `-${grouped}` : grouped;
}

/** Decimal formats by language and digits, made once: constructing an Intl.NumberFormat costs far more than formatting. */
const decimalFormats = new Map<string, Intl.NumberFormat>();

/** A number with up to `digits` decimals: 4.98 → "4,98". */
export function formatDecimal(value: number, digits = 2, language: Language = 'vi'): string {
	const key = `${language}${digits}`;
	let format = decimalFormats.get(key);
	if (!format) {
		format = new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits });
		decimalFormats.set(key, format);
	}
	return format.format(value);
}

/** A ratio as a percentage with one decimal: 1.089 → "108,9%". */
export function formatPercent(ratio: number, language: Language = 'vi', digits = 1): string {
	return `${formatDecimal(ratio * 100, digits, language).replace(/^-0$/u, '0')}%`;
}

const BILLION = 1e9;
const MILLION = 1e6;

/**
 * VND as the press writes it: 4_980_000_000 → "4,98 tỷ đồng", 520e9 → "520 tỷ đồng",
 * 33_123e9 → "33.123 tỷ đồng", 520e6 → "520 triệu đồng". English: "4.98 billion VND".
 */
export function formatVnd(value: number, language: Language = 'vi'): string {
	const abs = Math.abs(value);
	if (abs >= BILLION) {
		const amount = formatDecimal(value / BILLION, abs >= 100 * BILLION ? 0 : 2, language);
		return language === 'vi' ? `${amount} tỷ đồng` : `${amount} billion VND`;
	}
	if (abs >= MILLION) {
		const amount = formatDecimal(value / MILLION, abs >= 100 * MILLION ? 0 : 2, language);
		return language === 'vi' ? `${amount} triệu đồng` : `${amount} million VND`;
	}
	return language === 'vi' ? `${formatInteger(value, language)} đồng` : `${formatInteger(value, language)} VND`;
}

/** "2022-04-20…" → "20/04/2022". */
export function formatDate(time: WallClock | string): string {
	return `${time.slice(8, 10)}/${time.slice(5, 7)}/${time.slice(0, 4)}`;
}

/** "2022-04-20T08:00:00" → "08:00 20/04/2022". */
export function formatDateTime(time: WallClock): string {
	return `${time.slice(11, 16)} ${formatDate(time)}`;
}

/**
 * The as-of phrase of a citation: "8 giờ ngày 20/4/2022", "15 giờ 34 phút ngày 3/10/2022",
 * "ngày 31/5/2022" at midnight or 23:59; English "08:00 on 20/04/2022".
 */
export function formatAsOfPhrase(time: WallClock, language: Language = 'vi'): string {
	const [year, month, day] = [+time.slice(0, 4), +time.slice(5, 7), +time.slice(8, 10)];
	const [hour, minute] = [+time.slice(11, 13), +time.slice(14, 16)];
	const wholeDay = (hour === 0 && minute === 0) || (hour === 23 && minute === 59);
	if (language === 'en') {
		return wholeDay ? `end of ${formatDate(time)}` : `${time.slice(11, 16)} on ${formatDate(time)}`;
	}
	const date = `ngày ${day}/${month}/${year}`;
	if (wholeDay) return date;
	return minute === 0 ? `${hour} giờ ${date}` : `${hour} giờ ${minute} phút ${date}`;
}
