// Plans how many initiatives each level-1 unit has on the portal at each calibration checkpoint, so the published figures come out exactly.
import { apportion } from './apportion.ts';
import { parseMinute } from './calendar.ts';
import { hashUnit } from './prng.ts';
import type { UnitTree } from './unit-tree.ts';

/** Checkpoints (inclusive "as of" minutes) between which counts are planned; the last is the close. */
export const CHECKPOINTS = ['24/02/2022 23:59', '25/02/2022 23:59', '26/03/2022 23:59', '10/04/2022 06:00', '20/04/2022 08:00', '31/05/2022 23:59', '03/10/2022 15:33', '03/10/2022 15:34', '31/08/2023 23:59'].map(parseMinute);
/** First minute an initiative can be put on the portal. */
export const PORTAL_OPENS = parseMinute('08/01/2022 00:00');

/** National on-portal counts at the checkpoints (scale 1). */
const NATIONAL = [14000, 15600, 72000, 126420, 163532, 621400, 999994, 1000006, 2105000];

/** Published counts by unit: checkpoint index → value (scale 1). */
const EXACT: Record<string, Record<number, number>> = {
	T38: { 2: 11666, 4: 35728, 5: 170263, 8: 600175 },
	T40: { 2: 8881, 4: 14282 },
	T42: { 2: 5072, 4: 9574 },
	T01: { 2: 4554, 4: 18549 },
	T31: { 2: 3583, 4: 5820 },
	T92: { 2: 2235, 4: 4808 },
	T89: { 2: 2153, 4: 4754 },
	T93: { 2: 1759 },
	T24: { 4: 6601 },
	T79: { 4: 6475 },
	T80: { 4: 4479 },
	T35: { 3: 3757 },
	T77: { 0: 0, 1: 2, 8: 16380 }
};
const TOP8_AT_2603 = new Set(['T38', 'T40', 'T42', 'T01', 'T31', 'T92', 'T89', 'T93']);
const TOP10_AT_2004 = new Set(['T38', 'T01', 'T40', 'T42', 'T24', 'T79', 'T31', 'T92', 'T89', 'T80']);

export interface InitiativePlan {
	checkpoints: number[];
	/** net[u][k]: initiatives of level-1 unit u on the portal at checkpoint k. */
	net: number[][];
	/** withdrawn[u][k]: initiatives of u withdrawn in (checkpoint k−1, checkpoint k]. */
	withdrawn: number[][];
}

/** Bounds [lo, hi] of unit code at checkpoint k before monotonicity (scale 1). */
function bounds(code: string, k: number): [number, number] {
	const exact = EXACT[code]?.[k];
	if (exact !== undefined) return [exact, exact];
	if (k === 2 && !TOP8_AT_2603.has(code)) return [0, 1758];
	if (k === 3) return TOP10_AT_2004.has(code) ? [Math.max(3758, Math.round(0.78 * EXACT[code]![4]!)), Infinity] : [0, 3756];
	if (k === 4 && !TOP10_AT_2004.has(code)) return [0, 4478];
	return [0, Infinity];
}

/** The plan at a scale: per-unit net counts at each checkpoint, and withdrawals per interval. */
export function planInitiatives(tree: UnitTree, seed: number, scale: number): InitiativePlan {
	const units = tree.level1;
	const K = CHECKPOINTS.length;
	const finalNational = NATIONAL[K - 1]!;
	// Final weights: assigned × enthusiasm, with the exact finals pinned.
	const enthusiasm = units.map((u, i) => u.profile.enthusiasm ?? 0.9 + 1.3 * hashUnit(seed, i, 21));
	const finalWeight = units.map((u, i) => (EXACT[u.code]?.[K - 1] ?? u.assigned * enthusiasm[i]!) * (u.code === 'T38' ? 1.6 : 1));
	const earliness = units.map((u, i) => 0.75 + 0.6 * hashUnit(seed, i, 22));
	const scaleLo = (v: number) => (v === Infinity ? v : Math.ceil(v * scale - 1e-9));
	const scaleHi = (v: number) => (v === Infinity ? v : Math.floor(v * scale + 1e-9));
	const exactScaled = (v: number) => Math.round(v * scale);
	const net: number[][] = units.map(() => new Array<number>(K).fill(0));
	const prev = units.map(() => 0);
	for (let k = 0; k < K; k++) {
		const frac = NATIONAL[k]! / finalNational;
		const weights = units.map((_, i) => Math.max(1e-9, finalWeight[i]! * Math.pow(frac, earliness[i]!)));
		const lo: number[] = [];
		const hi: number[] = [];
		units.forEach((u, i) => {
			const [l, h] = bounds(u.code, k);
			const isExact = l === h;
			let low = isExact ? exactScaled(l) : scaleLo(l);
			let high = isExact ? exactScaled(h) : scaleHi(h);
			// Never exceed a later exact value.
			for (let j = k + 1; j < K; j++) {
				const later = EXACT[u.code]?.[j];
				if (later !== undefined) high = Math.min(high, exactScaled(later));
			}
			low = Math.max(low, prev[i]!);
			high = Math.max(low, high);
			lo.push(low);
			hi.push(high === Infinity ? Number.MAX_SAFE_INTEGER : high);
		});
		const values = apportion(Math.round(NATIONAL[k]! * scale), weights, lo, hi);
		values.forEach((v, i) => {
			net[i]![k] = v;
			prev[i] = v;
		});
	}
	// Withdrawals: from 26/03 on, under 1% of an interval's growth, never more than a tenth of what is already there.
	const withdrawn = units.map((_, i) =>
		net[i]!.map((v, k) => {
			if (k < 3) return 0;
			const before = net[i]![k - 1]!;
			const grown = v - before;
			const rate = 0.004 + 0.008 * hashUnit(seed, i, 100 + k);
			return Math.min(Math.floor(before / 10), Math.floor(grown * rate + hashUnit(seed, i, 200 + k)));
		})
	);
	return { checkpoints: CHECKPOINTS, net, withdrawn };
}
