// Integer apportionment with bounds: splits a total over weights so that lo ≤ x ≤ hi and Σx = total (largest remainder).

/**
 * Returns integers x with lo[i] ≤ x[i] ≤ hi[i] and Σx = total, as close to proportional to weights as the bounds allow.
 * The total is clamped to [Σlo, Σhi] when it cannot be met.
 */
export function apportion(total: number, weights: readonly number[], lo: readonly number[], hi: readonly number[]): number[] {
	const n = weights.length;
	const sumLo = lo.reduce((a, b) => a + b, 0);
	const sumHi = hi.reduce((a, b) => a + b, 0);
	const target = Math.max(sumLo, Math.min(sumHi, total));
	const value = (scale: number, i: number) => Math.max(lo[i]!, Math.min(hi[i]!, scale * weights[i]!));
	const sumAt = (scale: number) => {
		let s = 0;
		for (let i = 0; i < n; i++) s += value(scale, i);
		return s;
	};
	let low = 0;
	let high = 1;
	while (sumAt(high) < target && high < 1e15) high *= 2;
	for (let k = 0; k < 100; k++) {
		const mid = (low + high) / 2;
		if (sumAt(mid) < target) low = mid;
		else high = mid;
	}
	const real = weights.map((_, i) => value(high, i));
	const x = real.map((v, i) => Math.max(lo[i]!, Math.min(hi[i]!, Math.floor(v))));
	let rest = target - x.reduce((a, b) => a + b, 0);
	const order = real.map((v, i) => i).sort((a, b) => real[b]! - Math.floor(real[b]!) - (real[a]! - Math.floor(real[a]!)) || a - b);
	while (rest !== 0) {
		let moved = false;
		for (const i of order) {
			if (rest > 0 && x[i]! < hi[i]!) {
				x[i]!++;
				rest--;
				moved = true;
			} else if (rest < 0 && x[i]! > lo[i]!) {
				x[i]!--;
				rest++;
				moved = true;
			}
			if (rest === 0) break;
		}
		if (!moved) break;
	}
	return x;
}
