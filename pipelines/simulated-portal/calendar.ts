// Programme time for the simulated portal: minutes since 01/01/2022 00:00 Viet Nam wall-clock, and their text forms.

/** Minute 0 is 01/01/2022 00:00 (Asia/Ho_Chi_Minh wall-clock). */
const EPOCH_MS = Date.UTC(2022, 0, 1);
export const MINUTES_PER_DAY = 1440;
/** Days covered by the precomputed text tables (2022-01-01 … 2024-12-31). */
const DAYS = 1096;

/** Minute number of a wall-clock time. */
export function minuteOf(year: number, month: number, day: number, hour = 0, minute = 0): number {
	return (Date.UTC(year, month - 1, day, hour, minute) - EPOCH_MS) / 60000;
}

/** Minute number of "dd/mm/yyyy[ HH:mm]". */
export function parseMinute(text: string): number {
	const m = /^(\d\d)\/(\d\d)\/(\d{4})(?: (\d\d):(\d\d))?$/u.exec(text);
	if (!m) throw new Error(`bad time "${text}"`);
	return minuteOf(Number(m[3]), Number(m[2]), Number(m[1]), Number(m[4] ?? 0), Number(m[5] ?? 0));
}

/** Date whose UTC fields hold the wall-clock time (CONTRACTS.md). */
export function dateOfMinute(minute: number): Date {
	return new Date(EPOCH_MS + minute * 60000);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

const dayTexts: string[] = [];
const dayIsos: string[] = [];
const dayStamps: string[] = [];
const weekdays = new Uint8Array(DAYS);
for (let d = 0; d < DAYS; d++) {
	const date = new Date(EPOCH_MS + d * 86400000);
	const [y, mo, da] = [date.getUTCFullYear(), pad2(date.getUTCMonth() + 1), pad2(date.getUTCDate())];
	dayTexts.push(`${da}/${mo}/${y}`);
	dayIsos.push(`${y}-${mo}-${da}`);
	dayStamps.push(`${y}${mo}${da}`);
	weekdays[d] = date.getUTCDay();
}
const clockTexts: string[] = [];
for (let m = 0; m < MINUTES_PER_DAY; m++) clockTexts.push(`${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`);

/** "dd/mm/yyyy HH:mm", the portal's form. */
export function formatMinute(minute: number): string {
	return `${dayTexts[Math.floor(minute / MINUTES_PER_DAY)]} ${clockTexts[minute % MINUTES_PER_DAY]}`;
}

/** "dd/mm/yyyy"; days before 2022 (recognition from 01/09/2021) fall outside the precomputed table. */
export function formatDay(minute: number): string {
	const day = Math.floor(minute / MINUTES_PER_DAY);
	if (dayTexts[day] !== undefined) return dayTexts[day];
	const date = new Date(EPOCH_MS + day * 86400000);
	return `${pad2(date.getUTCDate())}/${pad2(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
}

/** ISO 8601 without zone, "2022-04-20T08:00:00" (the CONTRACTS.md travelling form). */
export function isoMinute(minute: number): string {
	return `${dayIsos[Math.floor(minute / MINUTES_PER_DAY)]}T${clockTexts[minute % MINUTES_PER_DAY]}:00`;
}

/** "YYYYMMDD-HHmm", the file-name stamp. */
export function stampMinute(minute: number): string {
	return `${dayStamps[Math.floor(minute / MINUTES_PER_DAY)]}-${clockTexts[minute % MINUTES_PER_DAY]!.replace(':', '')}`;
}

/** Two-digit year and month "2204" for initiative ids. */
export function yearMonthCode(minute: number): string {
	const iso = dayIsos[Math.floor(minute / MINUTES_PER_DAY)]!;
	return iso.slice(2, 4) + iso.slice(5, 7);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(minute: number): number {
	return weekdays[Math.floor(minute / MINUTES_PER_DAY)]!;
}

/** Excel serial number (1900 date system) of a wall-clock minute. */
export function excelSerial(minute: number): number {
	return 44562 + minute / MINUTES_PER_DAY;
}
