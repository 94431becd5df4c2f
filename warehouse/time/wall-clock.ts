// Viet Nam wall-clock times (UTC+7, no DST) as ISO strings without zone: parsing the forms users and exports write, formatting, arithmetic.

/** "YYYY-MM-DDTHH:mm:ss", Viet Nam wall-clock. */
export type WallClock = string;

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

function build(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): WallClock | undefined {
	const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
	if (
		date.getUTCFullYear() !== year ||
		date.getUTCMonth() !== month - 1 ||
		date.getUTCDate() !== day ||
		hour > 23 ||
		minute > 59 ||
		second > 59
	) {
		return undefined;
	}
	return date.toISOString().slice(0, 19);
}

const VIETNAMESE_FORM = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ ,]+(\d{1,2})(?::|h|giờ ?)(\d{2})?(?::(\d{2}))?)?$/iu;
const TIME_FIRST_FORM = /^(\d{1,2})(?::|h|giờ ?)(\d{2})?,? *(?:ngày *)?(\d{1,2})\/(\d{1,2})\/(\d{4})$/iu;
const ISO_FORM = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/u;

/**
 * Parses "20/04/2022 08:00", "20/04/2022", "8h00 20/4/2022", "2022-04-20T08:00", "2022-04-20" or an ISO time
 * with a zone (converted to Viet Nam time). Returns undefined when the text is not a valid time.
 */
export function parseWallClock(text: string): WallClock | undefined {
	const value = text.trim();
	let m = VIETNAMESE_FORM.exec(value);
	if (m) return build(+m[3]!, +m[2]!, +m[1]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
	m = TIME_FIRST_FORM.exec(value);
	if (m) return build(+m[5]!, +m[4]!, +m[3]!, +m[1]!, +(m[2] ?? 0));
	m = ISO_FORM.exec(value);
	if (!m) return undefined;
	const local = build(+m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
	if (!local || !m[7]) return local;
	const zone = m[7];
	const offsetMs =
		zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (+zone.slice(1, 3) * 60 + +zone.slice(-2)) * 60_000;
	return fromInstant(Date.parse(`${local}Z`) - offsetMs);
}

/** Wall-clock time of an instant (milliseconds since the epoch). */
export function fromInstant(epochMs: number): WallClock {
	return new Date(epochMs + VIETNAM_OFFSET_MS).toISOString().slice(0, 19);
}

/** The instant (milliseconds since the epoch) of a wall-clock time. */
export function toInstant(time: WallClock): number {
	return Date.parse(`${time}Z`) - VIETNAM_OFFSET_MS;
}

/** Adds minutes to a wall-clock time. */
export function addMinutes(time: WallClock, minutes: number): WallClock {
	return new Date(Date.parse(`${time}Z`) + minutes * 60_000).toISOString().slice(0, 19);
}

/** "YYYYMMDD-HHmm" of a wall-clock time, as in export file names. */
export function toFileStamp(time: WallClock): string {
	return `${time.slice(0, 4)}${time.slice(5, 7)}${time.slice(8, 10)}-${time.slice(11, 13)}${time.slice(14, 16)}`;
}

/** The wall-clock time of a file stamp "YYYYMMDD-HHmm", or undefined. */
export function fromFileStamp(stamp: string): WallClock | undefined {
	const m = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})$/u.exec(stamp);
	return m ? build(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!) : undefined;
}

