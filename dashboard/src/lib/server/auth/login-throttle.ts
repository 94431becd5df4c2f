// Login rate limiting: failed logins counted per account and per client address; past a free allowance every further failure locks that key for a doubling time (1 min, 2, 4 … at most 1 h); a success clears the account's count.
export interface ThrottlePolicy {
	/** Failures allowed before the first lock, per account and per address. */
	accountFree: number;
	addressFree: number;
	baseLockMs: number;
	maxLockMs: number;
	/** Failures older than this are forgotten. */
	forgetMs: number;
	/** Keys tracked at most (oldest forgotten first). */
	max: number;
}

export const THROTTLE_POLICY: ThrottlePolicy = { accountFree: 5, addressFree: 20, baseLockMs: 60_000, maxLockMs: 3_600_000, forgetMs: 24 * 3_600_000, max: 100_000 };

interface Entry {
	failures: number;
	lastFailure: number;
	lockedUntil: number;
}

/** Lock time after `failures` failures with `free` allowed (pure): 0 under the allowance, then base·2^(failures−free), capped. */
export function lockMs(failures: number, free: number, policy: Pick<ThrottlePolicy, 'baseLockMs' | 'maxLockMs'>): number {
	if (failures < free) return 0;
	return Math.min(policy.maxLockMs, policy.baseLockMs * 2 ** Math.min(20, failures - free));
}

export class LoginThrottle {
	private readonly entries = new Map<string, Entry>();

	constructor(
		private readonly policy: ThrottlePolicy = THROTTLE_POLICY,
		private readonly clock: () => number = Date.now
	) {}

	/** Milliseconds until either key may try again (0 = now). */
	retryAfter(account: string, address: string): number {
		const now = this.clock();
		const wait = (key: string) => Math.max(0, (this.live(key, now)?.lockedUntil ?? 0) - now);
		return Math.max(wait(`a:${account}`), wait(`i:${address}`));
	}

	fail(account: string, address: string): void {
		const now = this.clock();
		this.bump(`a:${account}`, this.policy.accountFree, now);
		this.bump(`i:${address}`, this.policy.addressFree, now);
	}

	succeed(account: string): void {
		this.entries.delete(`a:${account}`);
	}

	private live(key: string, now: number): Entry | undefined {
		const e = this.entries.get(key);
		if (e && now - e.lastFailure > this.policy.forgetMs && now >= e.lockedUntil) {
			this.entries.delete(key);
			return undefined;
		}
		return e;
	}

	private bump(key: string, free: number, now: number): void {
		const e = this.live(key, now) ?? { failures: 0, lastFailure: now, lockedUntil: 0 };
		e.failures++;
		e.lastFailure = now;
		const lock = lockMs(e.failures, free, this.policy);
		if (lock > 0) e.lockedUntil = now + lock;
		this.entries.delete(key);
		this.entries.set(key, e);
		while (this.entries.size > this.policy.max) this.entries.delete(this.entries.keys().next().value!);
	}
}
