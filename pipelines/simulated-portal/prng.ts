// Seeded randomness for the simulated portal: a splitmix32-seeded xoshiro128** stream and stateless integer hashes.

/** One round of splitmix32: a well-mixed 32-bit value from a 32-bit state. */
export function splitmix32(state: number): number {
	let z = (state + 0x9e3779b9) | 0;
	z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
	z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
	return (z ^ (z >>> 16)) >>> 0;
}

/** Stateless hash of up to three integers (lowbias32 chain), uniform on 0 … 2^32 − 1. */
export function hash3(a: number, b: number, c = 0): number {
	let h = splitmix32(a ^ 0x27d4eb2d);
	h = splitmix32((h ^ Math.imul(b | 0, 0x165667b1)) >>> 0);
	return splitmix32((h ^ Math.imul(c | 0, 0x61c88647)) >>> 0);
}

/** Stateless uniform in [0, 1) from three integers. */
export function hashUnit(a: number, b: number, c = 0): number {
	return hash3(a, b, c) / 4294967296;
}

/** Stable 32-bit code of a text, to derive independent streams from names ("units", "benefit"). */
export function textCode(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
	return h >>> 0;
}

/** xoshiro128**: a fast seeded generator; one per purpose, derived from the run seed and a stream name. */
export class Random {
	private a: number;
	private b: number;
	private c: number;
	private d: number;

	constructor(seed: number, stream = '') {
		let s = (seed ^ textCode(stream)) >>> 0;
		this.a = s = splitmix32(s);
		this.b = s = splitmix32(s);
		this.c = s = splitmix32(s);
		this.d = splitmix32(s) | 1;
	}

	/** Next 32-bit unsigned integer. */
	nextUint32(): number {
		const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
		const t = this.b << 9;
		this.c ^= this.a;
		this.d ^= this.b;
		this.b ^= this.c;
		this.a ^= this.d;
		this.c ^= t;
		this.d = rotl(this.d, 11);
		return result;
	}

	/** Uniform in [0, 1) with 53 bits. */
	next(): number {
		return (this.nextUint32() * 2097152 + (this.nextUint32() >>> 11)) / 9007199254740992;
	}

	/** Integer in [0, n). */
	int(n: number): number {
		return Math.floor(this.next() * n);
	}

	/** Uniform in [lo, hi). */
	range(lo: number, hi: number): number {
		return lo + (hi - lo) * this.next();
	}

	/** Standard normal (Box–Muller). */
	normal(): number {
		const u = 1 - this.next();
		const v = this.next();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}

	/** An element of a non-empty list. */
	pick<T>(items: readonly T[]): T {
		return items[this.int(items.length)]!;
	}

	/** Index drawn with the given non-negative weights. */
	weighted(weights: readonly number[]): number {
		let total = 0;
		for (const w of weights) total += w;
		let u = this.next() * total;
		for (let i = 0; i < weights.length; i++) {
			u -= weights[i]!;
			if (u < 0) return i;
		}
		return weights.length - 1;
	}

	/** Fisher–Yates shuffle in place. */
	shuffle<T>(items: T[]): T[] {
		for (let i = items.length - 1; i > 0; i--) {
			const j = this.int(i + 1);
			[items[i], items[j]] = [items[j]!, items[i]!];
		}
		return items;
	}
}

function rotl(x: number, k: number): number {
	return (x << k) | (x >>> (32 - k));
}
