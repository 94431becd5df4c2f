// The portal's rhythm: relative submission intensity per minute (campaigns, weekdays, office hours) and sampling from it.
import { MINUTES_PER_DAY, minuteOf, weekdayOf } from './calendar.ts';

const CAMPAIGN = minuteOf(2022, 4, 22) / MINUTES_PER_DAY;
const PHASE1_END = minuteOf(2022, 5, 31) / MINUTES_PER_DAY;
const TET_2023 = minuteOf(2023, 1, 22) / MINUTES_PER_DAY;
const FINAL_RUSH = minuteOf(2023, 8, 1) / MINUTES_PER_DAY;

/** Relative weight of a day (d = days since 01/01/2022). */
function dayWeight(d: number): number {
	let w: number;
	if (d < CAMPAIGN) w = Math.exp((d - CAMPAIGN) / 30);
	else if (d <= PHASE1_END) w = 1.6 + 2.4 * Math.pow((d - CAMPAIGN) / (PHASE1_END - CAMPAIGN), 3);
	else w = 0.9 * Math.exp(-(d - PHASE1_END) / 600) + 0.25;
	const dayOfMonth = new Date(Date.UTC(2022, 0, 1 + d)).getUTCDate();
	if (d > PHASE1_END && dayOfMonth >= 26) w *= 1.5;
	if (Math.abs(d - TET_2023) < 6) w *= 0.15;
	if (d >= FINAL_RUSH) w *= 2.2 + 2 * ((d - FINAL_RUSH) / 31);
	return w;
}

const HOUR_WEIGHTS = [0.02, 0.01, 0.01, 0.01, 0.01, 0.03, 0.12, 0.45, 1, 1.05, 1, 0.8, 0.35, 0.5, 0.95, 1, 0.9, 0.55, 0.35, 0.45, 0.6, 0.5, 0.25, 0.08];

/** Minute weight: day trend × weekday × hour of day. */
export function minuteWeight(minute: number): number {
	const day = Math.floor(minute / MINUTES_PER_DAY);
	const wd = weekdayOf(minute);
	const weekday = wd === 0 ? 0.22 : wd === 6 ? 0.45 : 1;
	return dayWeight(day) * weekday * HOUR_WEIGHTS[Math.floor((minute % MINUTES_PER_DAY) / 60)]! + 1e-9;
}

/** Cumulative minute weights: cum[m] = Σ_{j<m} weight(j), for m in [0, end]. */
export function cumulativeIntensity(end: number): Float64Array {
	const cum = new Float64Array(end + 1);
	let day = -1;
	let dayFactor = 0;
	for (let m = 0; m < end; m++) {
		if (Math.floor(m / MINUTES_PER_DAY) !== day) {
			day = Math.floor(m / MINUTES_PER_DAY);
			const wd = weekdayOf(m);
			dayFactor = dayWeight(day) * (wd === 0 ? 0.22 : wd === 6 ? 0.45 : 1);
		}
		cum[m + 1] = cum[m]! + dayFactor * HOUR_WEIGHTS[Math.floor((m % MINUTES_PER_DAY) / 60)]! + 1e-9;
	}
	return cum;
}

/** A minute in [first, last] drawn with the intensity, from a uniform u in [0, 1). */
export function drawMinute(cum: Float64Array, first: number, last: number, u: number): number {
	const lo = cum[first]!;
	const x = lo + u * (cum[last + 1]! - lo);
	let a = first;
	let b = last;
	while (a < b) {
		const mid = (a + b + 1) >>> 1;
		if (cum[mid]! <= x) a = mid;
		else b = mid - 1;
	}
	return a;
}
