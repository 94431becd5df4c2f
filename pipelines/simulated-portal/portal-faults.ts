// Misbehaviour the simulated portal can be asked for (slow, HTTP 500, dropped connections, wrong checksums), decided by pure rules.

/** Fires for the first `first` eligible requests and/or with probability `rate`; with neither, for every request. */
export interface FaultRule {
	first?: number;
	rate?: number;
}

export interface PortalFaults {
	/** Delay before responding to API requests. */
	slow?: FaultRule & { ms: number };
	/** HTTP 500 instead of the response. */
	fail?: FaultRule;
	/** Download connections destroyed after half the body. */
	drop?: FaultRule;
	/** Export names whose advertised sha256 (listing, ETag, X-Checksum-Sha256) is wrong; `*` for all. */
	wrongChecksum?: readonly string[];
}

/** Does the rule fire for the `count`-th eligible request (1-based)? */
export function fires(rule: FaultRule | undefined, count: number, random: () => number): boolean {
	if (!rule) return false;
	if (rule.first === undefined && rule.rate === undefined) return true;
	if (rule.first !== undefined && count <= rule.first) return true;
	return rule.rate !== undefined && random() < rule.rate;
}

/** A deterministic random source (mulberry32) for reproducible fault rates. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

/** Counts eligible requests per fault and says which fire. */
export function faultCounter(faults: PortalFaults, random: () => number) {
	let api = 0;
	let downloads = 0;
	return {
		/** For an API request: delay (ms, 0 for none) and whether to answer 500. */
		onApiRequest(): { delayMs: number; fail: boolean } {
			api += 1;
			return { delayMs: fires(faults.slow, api, random) ? (faults.slow?.ms ?? 0) : 0, fail: fires(faults.fail, api, random) };
		},
		/** For a download that will send a body: whether to drop the connection mid-body. */
		onDownload(): boolean {
			downloads += 1;
			return fires(faults.drop, downloads, random);
		}
	};
}

/** The checksum the portal advertises for a file: the true one, or a deterministic wrong one when asked. */
export function advertisedChecksum(name: string, sha256: string, faults: PortalFaults): string {
	const wrong = faults.wrongChecksum ?? [];
	if (!wrong.includes(name) && !wrong.includes('*')) return sha256;
	return [...sha256].map((c) => ((parseInt(c, 16) + 1) % 16).toString(16)).join('');
}
