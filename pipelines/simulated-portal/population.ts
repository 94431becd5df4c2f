// Generates the simulated initiatives in typed arrays: submission and review times, withdrawals, units, authors, fields and benefits.
import { MINUTES_PER_DAY, minuteOf } from './calendar.ts';
import { CLOSE_AT, FINAL_AT, nationalSnapshotTimes } from './export-schedule.ts';
import { PORTAL_OPENS, type InitiativePlan } from './initiative-plan.ts';
import { cumulativeIntensity, drawMinute } from './intensity.ts';
import { SECTOR } from './level1-profiles.ts';
import { FIELD_MIX } from './name-pools.ts';
import { Random, hash3, hashUnit } from './prng.ts';
import type { UnitTree } from './unit-tree.ts';

export const NEVER = 0x7fffffff;
export const STATUS = { underReview: 0, valid: 1, invalid: 2 } as const;
export const NO_DAY = -32768;
const PHASE1_END = minuteOf(2022, 6, 1) - 1;
/** Earliest recognition day allowed (01/09/2021), in days since 01/01/2022. */
const ELIGIBLE_FROM_DAY = -122;

/** Published figures the population is adjusted to (scale 1). */
export const CALIBRATION = {
	brvtValid: 15040,
	brvtMaxBenefit: 4_980_000_000,
	brvtValidBenefit: 524e9,
	thanhHoaParticipating: 3655,
	thanhHoaValidBenefit: 588e9,
	nationalValidBenefit: 33_650e9
} as const;

export interface Population {
	count: number;
	/** Sorted ascending: index order is submission order (ids follow it). */
	submitted: Int32Array;
	withdrawnAt: Int32Array;
	reviewedAt: Int32Array;
	/** Status once reviewed (STATUS.valid / STATUS.invalid); STATUS.underReview = never reviewed. */
	status: Uint8Array;
	level1: Int32Array;
	grassroots: Int32Array;
	author: Int32Array;
	authorCount: number;
	field: Uint8Array;
	recognisedDay: Int16Array;
	/** VND per year; −1 = blank. */
	benefit: Float64Array;
}

const PHASE_FACTOR = [
	[0.8, 0.42, 0.3, 2.3, 1.3, 1.3, 1.2],
	[0.75, 0.72, 0.5, 1.1, 1.0, 0.95, 0.95]
];
const BLANK_BENEFIT = [0.3, 0.35, 0.4, 0.72, 0.6, 0.6, 0.65];
const MEDIAN_BENEFIT = [42e6, 26e6, 30e6, 2.5e6, 7e6, 4e6, 3e6];

/** A typed array in shared memory, so worker threads read the population without a copy. */
function shared<T>(Type: { new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number }, length: number): T {
	return new Type(new SharedArrayBuffer(length * Type.BYTES_PER_ELEMENT));
}

function upperBound(values: Int32Array, from: number, to: number, limit: number): number {
	let a = from;
	let b = to;
	while (a < b) {
		const mid = (a + b) >>> 1;
		if (values[mid]! <= limit) a = mid + 1;
		else b = mid;
	}
	return a;
}

/** Index into cumulative weights cum (length n + 1) for a uniform u. */
function pickCumulative(cum: Float64Array, u: number): number {
	const x = u * cum[cum.length - 1]!;
	let a = 0;
	let b = cum.length - 2;
	while (a < b) {
		const mid = (a + b) >>> 1;
		if (cum[mid + 1]! <= x) a = mid + 1;
		else b = mid;
	}
	return a;
}

function cumulative(weights: number[]): Float64Array {
	const cum = new Float64Array(weights.length + 1);
	for (let i = 0; i < weights.length; i++) cum[i + 1] = cum[i]! + weights[i]!;
	if (cum[weights.length] === 0) for (let i = 0; i < weights.length; i++) cum[i + 1] = i + 1;
	return cum;
}

/** Rounds a benefit to how units write it (10 million above a billion, ten thousand above a million). */
export function roundBenefit(v: number): number {
	const unit = v >= 1e9 ? 1e7 : v >= 1e6 ? 1e4 : 1e3;
	return Math.max(0, Math.round(v / unit) * unit);
}

/** Generates the whole population for a tree and plan. */
export function generatePopulation(tree: UnitTree, plan: InitiativePlan, seed: number, scale: number): Population {
	const units = tree.level1;
	const cps = plan.checkpoints;
	const K = cps.length;
	const snapshots = nationalSnapshotTimes();
	const previousSnapshot = (t: number) => {
		let best = -1;
		for (const s of snapshots) if (s < t) best = s;
		return best;
	};
	const withdrawalTimes = cps.map((cp, k) => {
		const from = k === 0 ? PORTAL_OPENS - 1 : cps[k - 1]!;
		return snapshots.filter((s) => s > from && s <= cp && k >= 3 && previousSnapshot(s) >= from);
	});
	const wd = units.map((_, u) => plan.withdrawn[u]!.map((w, k) => (withdrawalTimes[k]!.length ? w : 0)));
	// 1. Submission minutes, unit by unit and interval by interval.
	let total = 0;
	for (let u = 0; u < units.length; u++) for (let k = 0; k < K; k++) total += plan.net[u]![k]! - (k ? plan.net[u]![k - 1]! : 0) + wd[u]![k]!;
	const cum = cumulativeIntensity(CLOSE_AT + 1);
	const rawMinute = new Int32Array(total);
	const rawUnit = new Int32Array(total);
	let n = 0;
	for (let u = 0; u < units.length; u++) {
		const rng = new Random(seed, `submit:${units[u]!.code}`);
		for (let k = 0; k < K; k++) {
			const s = plan.net[u]![k]! - (k ? plan.net[u]![k - 1]! : 0) + wd[u]![k]!;
			const first = k === 0 ? PORTAL_OPENS : cps[k - 1]! + 1;
			for (let j = 0; j < s; j++) {
				rawMinute[n] = drawMinute(cum, first, cps[k]!, rng.next());
				rawUnit[n++] = u;
			}
		}
	}
	// 2. Order by minute, ties in a random order.
	const shuffleRng = new Random(seed, 'order');
	const rank = new Int32Array(total);
	for (let i = 0; i < total; i++) rank[i] = i;
	for (let i = total - 1; i > 0; i--) {
		const j = shuffleRng.int(i + 1);
		const t = rank[i]!;
		rank[i] = rank[j]!;
		rank[j] = t;
	}
	const byRank = new Int32Array(total);
	for (let i = 0; i < total; i++) byRank[rank[i]!] = i;
	// Sorted by (minute, rank): a counting sort by minute, stable over the rank order (keys are unique, so any sort agrees).
	let lastMinute = 0;
	for (let i = 0; i < total; i++) if (rawMinute[i]! > lastMinute) lastMinute = rawMinute[i]!;
	const slot = new Int32Array(lastMinute + 2);
	for (let i = 0; i < total; i++) slot[rawMinute[i]! + 1]!++;
	for (let m = 0; m <= lastMinute; m++) slot[m + 1]! += slot[m]!;
	const order = new Int32Array(total);
	for (let r = 0; r < total; r++) {
		const i = byRank[r]!;
		order[slot[rawMinute[i]!]!++] = i;
	}
	const submitted = shared(Int32Array, total);
	const level1 = shared(Int32Array, total);
	for (let i = 0; i < total; i++) {
		const source = order[i]!;
		submitted[i] = rawMinute[source]!;
		level1[i] = rawUnit[source]!;
	}
	// Per-unit lists in time order.
	const unitStart = new Int32Array(units.length + 1);
	for (let i = 0; i < total; i++) unitStart[level1[i]! + 1]!++;
	for (let u = 0; u < units.length; u++) unitStart[u + 1]! += unitStart[u]!;
	const unitList = new Int32Array(total);
	const unitSubmitted = new Int32Array(total);
	const fill = unitStart.slice(0, units.length);
	for (let i = 0; i < total; i++) {
		const p = fill[level1[i]!]!++;
		unitList[p] = i;
		unitSubmitted[p] = submitted[i]!;
	}
	// 3. Withdrawals at national snapshot times, of initiatives already seen in the snapshot before.
	const withdrawnAt = shared(Int32Array, total).fill(NEVER);
	for (let u = 0; u < units.length; u++) {
		const rng = new Random(seed, `withdraw:${units[u]!.code}`);
		for (let k = 0; k < K; k++) {
			for (let w = 0; w < wd[u]![k]!; w++) {
				const times = withdrawalTimes[k]!;
				const at = times[rng.int(times.length)]!;
				const bound = upperBound(unitSubmitted, unitStart[u]!, unitStart[u + 1]!, previousSnapshot(at)) - unitStart[u]!;
				for (let attempt = 0; attempt < 1000; attempt++) {
					const p = 1 + rng.int(bound - 1);
					const i = unitList[unitStart[u]! + p]!;
					if (withdrawnAt[i] === NEVER) {
						withdrawnAt[i] = at;
						break;
					}
					if (attempt === 999) throw new Error(`no initiative of ${units[u]!.code} left to withdraw`);
				}
			}
		}
	}
	// 4. Review: one transition, office hours, after a heavy-tailed delay.
	const reviewedAt = shared(Int32Array, total);
	const status = shared(Uint8Array, total);
	for (let i = 0; i < total; i++) {
		const sub = submitted[i]!;
		const delayDays = Math.min(220, Math.exp(Math.log(sub < PHASE1_END ? 4 : 2.5) + 1.1 * gaussian(seed, i)));
		let day = Math.floor((sub + delayDays * MINUTES_PER_DAY) / MINUTES_PER_DAY);
		// 01/01/2022 was a Saturday (6).
		const weekday = (((day + 6) % 7) + 7) % 7;
		if (weekday === 6) day += 2;
		else if (weekday === 0) day += 1;
		let at = day * MINUTES_PER_DAY + 450 + Math.floor(570 * hashUnit(seed, i, 31));
		if (at <= sub) at = sub + 10 + Math.floor(120 * hashUnit(seed, i, 32));
		const valid = hashUnit(seed, i, 33) < 0.91;
		status[i] = valid ? STATUS.valid : STATUS.invalid;
		if (withdrawnAt[i] !== NEVER) {
			status[i] = STATUS.invalid;
			if (at >= withdrawnAt[i]!) at = NEVER;
		}
		if (at >= FINAL_AT) at = NEVER;
		reviewedAt[i] = at;
		if (at === NEVER) status[i] = STATUS.underReview;
	}
	const brvt = units.findIndex((u) => u.code === 'T77');
	const thanhHoa = units.findIndex((u) => u.code === 'T38');
	const unitMembers = (u: number) => unitList.subarray(unitStart[u]!, unitStart[u + 1]!);
	// BR–VT: exactly the published number valid at the close.
	const brvtValid = Math.round(CALIBRATION.brvtValid * scale);
	const brvtEligible = Array.from(unitMembers(brvt)).filter((i) => withdrawnAt[i] === NEVER && reviewedAt[i]! <= CLOSE_AT);
	if (brvtEligible.length < brvtValid) throw new Error('BR–VT has too few reviewed initiatives for its valid count');
	new Random(seed, 'brvt-valid').shuffle(brvtEligible);
	brvtEligible.forEach((i, k) => (status[i] = k < brvtValid ? STATUS.valid : STATUS.invalid));
	const validAtClose = (i: number) => status[i] === STATUS.valid && reviewedAt[i]! <= CLOSE_AT && withdrawnAt[i] === NEVER;
	// 5. Grassroots unions.
	const grassroots = assignGrassroots(tree, seed, scale, { units: units.length, unitStart, unitList, submitted, withdrawnAt, validAtClose, brvt, thanhHoa });
	// 6. Fields and recognition dates.
	const field = shared(Uint8Array, total);
	const recognisedDay = shared(Int16Array, total);
	for (let i = 0; i < total; i++) {
		const mix = FIELD_MIX[tree.grassroots.sector[grassroots[i]!]!]!;
		let u = hashUnit(seed, i, 41) * 100;
		let f = 0;
		while (f < mix.length - 1 && (u -= mix[f]!) >= 0) f++;
		field[i] = f;
		recognisedDay[i] = hashUnit(seed, i, 42) < 0.22 ? NO_DAY : Math.max(ELIGIBLE_FROM_DAY, Math.floor(submitted[i]! / MINUTES_PER_DAY) - Math.floor(120 * Math.pow(hashUnit(seed, i, 43), 2)));
	}
	// 7. Authors.
	const { author, authorCount } = assignAuthors(tree, seed, grassroots, brvt, level1, validAtClose);
	// 8. Benefits.
	const benefit = drawBenefits(tree, seed, grassroots);
	const population: Population = { count: total, submitted, withdrawnAt, reviewedAt, status, level1, grassroots, author, authorCount: authorCount.count, field, recognisedDay, benefit };
	calibrateBenefits(population, tree, seed, scale, brvt, thanhHoa, authorCount.special, validAtClose);
	return population;
}

/** Standard normal from a hash (Box–Muller). */
function gaussian(seed: number, i: number): number {
	const u = 1 - hashUnit(seed, i, 34);
	return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * hashUnit(seed, i, 35));
}

interface AssignContext {
	units: number;
	unitStart: Int32Array;
	unitList: Int32Array;
	submitted: Int32Array;
	withdrawnAt: Int32Array;
	validAtClose: (i: number) => boolean;
	brvt: number;
	thanhHoa: number;
}

function assignGrassroots(tree: UnitTree, seed: number, scale: number, c: AssignContext): Int32Array {
	const g = tree.grassroots;
	const out = shared(Int32Array, c.submitted.length);
	for (let u = 0; u < c.units; u++) {
		const rng = new Random(seed, `grassroots:${tree.level1[u]!.code}`);
		const own = tree.level1[u]!.grassroots;
		const active = own.map((gi) => (hashUnit(seed, gi, 51) < 0.1 ? 0 : 1));
		if (u === c.thanhHoa) {
			const order = rng.shuffle(own.map((_, k) => k));
			const participating = Math.min(own.length, Math.round(CALIBRATION.thanhHoaParticipating * scale));
			active.fill(0);
			for (let k = 0; k < participating; k++) active[order[k]!] = 1;
		}
		const weightFor = (phase: number, k: number) => active[k]! * Math.pow(g.members[own[k]!]!, 0.85) * PHASE_FACTOR[phase]![g.sector[own[k]!]!]!;
		const cums = [0, 1].map((phase) => cumulative(own.map((_, k) => weightFor(phase, k))));
		const list = c.unitList.subarray(c.unitStart[u]!, c.unitStart[u + 1]!);
		const pending: number[] = [];
		if (u === c.thanhHoa) {
			// Every participating grassroots union gets one initiative that stays on the portal.
			const kept = rng.shuffle(Array.from(list).filter((i) => c.withdrawnAt[i] === NEVER));
			const participating = own.map((_, k) => k).filter((k) => active[k]);
			participating.forEach((k, j) => (out[kept[j]!] = own[k]! + 1));
		}
		if (u === c.brvt) assignBrvtValid(tree, seed, list, c.validAtClose, c.submitted, out);
		for (const i of list) {
			if (out[i] !== 0) continue;
			pending.push(i);
			const phase = c.submitted[i]! <= PHASE1_END ? 0 : 1;
			out[i] = own[pickCumulative(cums[phase]!, rng.next())]! + 1;
		}
	}
	for (let i = 0; i < out.length; i++) out[i]!--;
	return out;
}

/** BR–VT's valid initiatives at the close spread so that exactly 8 of its 14 upper-level unions meet their target. */
function assignBrvtValid(tree: UnitTree, seed: number, list: Int32Array, validAtClose: (i: number) => boolean, submitted: Int32Array, out: Int32Array): void {
	const rng = new Random(seed, 'brvt-uppers');
	const node = tree.level1.find((u) => u.code === 'T77')!;
	const uppers = node.uppers.map((k) => tree.uppers[k]!);
	const valid = Array.from(list).filter(validAtClose);
	const meeting = Math.round((8 / 14) * uppers.length);
	const order = rng.shuffle(uppers.map((_, k) => k));
	const plan = uppers.map(() => 0);
	const missing = order.slice(meeting);
	for (const k of missing) plan[k] = Math.floor(uppers[k]!.assigned * (0.62 + 0.33 * rng.next()));
	const rest = valid.length - plan.reduce((a, b) => a + b, 0);
	const meetingUppers = order.slice(0, meeting);
	const meetingAssigned = meetingUppers.reduce((a, k) => a + uppers[k]!.assigned, 0);
	if (rest < meetingAssigned) throw new Error('BR–VT valid initiatives cannot make its meeting uppers meet target');
	let given = 0;
	meetingUppers.forEach((k, j) => {
		plan[k] = j === meetingUppers.length - 1 ? rest - given : Math.floor((rest * uppers[k]!.assigned) / meetingAssigned);
		given += plan[k]!;
	});
	const slots: number[] = [];
	plan.forEach((v, k) => {
		for (let j = 0; j < v; j++) slots.push(k);
	});
	rng.shuffle(slots);
	const g = tree.grassroots;
	const cums = uppers.map((upper) => [0, 1].map((phase) => cumulative(upper.grassroots.map((gi) => Math.pow(g.members[gi]!, 0.85) * PHASE_FACTOR[phase]![g.sector[gi]!]!))));
	valid.forEach((i, j) => {
		const upper = uppers[slots[j]!]!;
		const phase = submitted[i]! <= PHASE1_END ? 0 : 1;
		out[i] = upper.grassroots[pickCumulative(cums[slots[j]!]![phase]!, rng.next())]! + 1;
	});
}

function assignAuthors(tree: UnitTree, seed: number, grassroots: Int32Array, brvt: number, level1: Int32Array, validAtClose: (i: number) => boolean) {
	const total = grassroots.length;
	const gCount = tree.grassroots.code.length;
	const start = new Int32Array(gCount + 1);
	for (let i = 0; i < total; i++) start[grassroots[i]! + 1]!++;
	for (let k = 0; k < gCount; k++) start[k + 1]! += start[k]!;
	const list = new Int32Array(total);
	const fill = start.slice(0, gCount);
	for (let i = 0; i < total; i++) list[fill[grassroots[i]!]!++] = i;
	const author = shared(Int32Array, total);
	const counter = { count: 0, special: -1 };
	for (let k = 0; k < gCount; k++) {
		for (let p = start[k]!; p < start[k + 1]!; p++) {
			const i = list[p]!;
			if (p === start[k] || hashUnit(seed, i, 61) < 0.6) author[i] = counter.count++;
			else author[i] = author[list[start[k]! + Math.floor(hashUnit(seed, i, 62) * (p - start[k]!))]!]!;
		}
	}
	// BR–VT: one person with exactly 6 valid initiatives at the close, nobody with more.
	const rng = new Random(seed, 'brvt-authors');
	const brvtGrassroots = tree.level1[brvt]!.grassroots;
	const validOf = (k: number) => Array.from(list.subarray(start[k]!, start[k + 1]!)).filter(validAtClose);
	const candidates = brvtGrassroots.filter((k) => validOf(k).length >= 6);
	if (candidates.length === 0) throw new Error('no BR–VT grassroots union has 6 valid initiatives');
	const chosen = candidates[rng.int(candidates.length)]!;
	const special = counter.count++;
	counter.special = special;
	rng.shuffle(validOf(chosen)).slice(0, 6).forEach((i) => (author[i] = special));
	const perAuthor = new Map<number, number>();
	for (const k of brvtGrassroots) {
		for (const i of validOf(k)) {
			if (author[i] === special) continue;
			const seen = (perAuthor.get(author[i]!) ?? 0) + 1;
			if (seen > 5) author[i] = counter.count++;
			else perAuthor.set(author[i]!, seen);
		}
	}
	void level1;
	return { author, authorCount: counter };
}

function drawBenefits(tree: UnitTree, seed: number, grassroots: Int32Array): Float64Array {
	const benefit = shared(Float64Array, grassroots.length);
	for (let i = 0; i < grassroots.length; i++) {
		const sector = tree.grassroots.sector[grassroots[i]!]!;
		if (hashUnit(seed, i, 71) < BLANK_BENEFIT[sector]!) {
			benefit[i] = -1;
			continue;
		}
		if (hashUnit(seed, i, 72) < 0.04) {
			benefit[i] = 0;
			continue;
		}
		const u = 1 - hashUnit(seed, i, 73);
		const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * hashUnit(seed, i, 74));
		benefit[i] = roundBenefit(Math.min(6e10, MEDIAN_BENEFIT[sector]! * Math.exp(1.7 * z)));
	}
	return benefit;
}

/** Scales the benefits of a set so that their sum lands on target (values capped; rounding as units write them). */
function scaleSum(benefit: Float64Array, indices: number[], target: number, cap: number, fixed = 0): void {
	for (let round = 0; round < 8; round++) {
		let sum = fixed;
		for (const i of indices) if (benefit[i]! > 0) sum += benefit[i]!;
		if (Math.abs(sum - target) < target * 0.002) return;
		const factor = (target - fixed) / (sum - fixed);
		for (const i of indices) if (benefit[i]! > 0) benefit[i] = Math.min(cap, roundBenefit(benefit[i]! * factor));
	}
}

function calibrateBenefits(p: Population, tree: UnitTree, seed: number, scale: number, brvt: number, thanhHoa: number, special: number, validAtClose: (i: number) => boolean): void {
	const rng = new Random(seed, 'benefits');
	const brvtAll: number[] = [];
	const brvtValid: number[] = [];
	const thanhHoaValid: number[] = [];
	const others: number[] = [];
	for (let i = 0; i < p.count; i++) {
		const u = p.level1[i]!;
		if (u === brvt) {
			brvtAll.push(i);
			if (validAtClose(i)) brvtValid.push(i);
		} else if (u === thanhHoa) {
			if (validAtClose(i)) thanhHoaValid.push(i);
		} else if (p.status[i] === STATUS.valid && p.reviewedAt[i]! <= FINAL_AT && p.withdrawnAt[i] === NEVER) others.push(i);
	}
	// BR–VT: its largest is 4.98 billion, an initiative of the person with 6 valid ones; valid sum just above 520 billion.
	const top = roundBenefit(CALIBRATION.brvtMaxBenefit * Math.min(1, scale));
	const cap = top - (top >= 1e9 ? 1e7 : 1e4);
	for (const i of brvtAll) if (p.benefit[i]! > cap) p.benefit[i] = Math.min(cap, roundBenefit((0.2 + rng.next() * 0.4) * top));
	const largest = brvtValid.filter((i) => p.author[i] === special)[0]!;
	p.benefit[largest] = top;
	scaleSum(p.benefit, brvtValid.filter((i) => i !== largest), CALIBRATION.brvtValidBenefit * scale, cap, top);
	scaleSum(p.benefit, thanhHoaValid, CALIBRATION.thanhHoaValidBenefit * scale, 3e10);
	let fixed = 0;
	for (const i of [...brvtValid, ...thanhHoaValid]) if (p.benefit[i]! > 0) fixed += p.benefit[i]!;
	// Valid by the final export also counts those of BR–VT and Thanh Hóa reviewed after the close; keep them in "others".
	for (let i = 0; i < p.count; i++) {
		const u = p.level1[i]!;
		if ((u === brvt || u === thanhHoa) && !validAtClose(i) && p.status[i] === STATUS.valid && p.reviewedAt[i]! <= FINAL_AT && p.withdrawnAt[i] === NEVER) {
			if (u === brvt) p.benefit[i] = Math.min(p.benefit[i]!, cap);
			if (p.benefit[i]! > 0) fixed += p.benefit[i]!;
		}
	}
	scaleSum(p.benefit, others, CALIBRATION.nationalValidBenefit * scale, 6e10, fixed);
	void tree;
	void SECTOR;
	void hash3;
}
