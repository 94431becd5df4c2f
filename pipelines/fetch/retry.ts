// Retries with exponential backoff and jitter; sleep and random are injected so tests run instantly and deterministically.

/** An attempt's failure, saying whether trying again could help (timeouts, 5xx, dropped connections, bad bytes). */
export class AttemptError extends Error {
	constructor(
		message: string,
		readonly retryable: boolean
	) {
		super(message);
		this.name = 'AttemptError';
	}
}

export interface RetryOptions {
	/** Retries after the first attempt. */
	retries: number;
	backoffMs: number;
	maxBackoffMs: number;
	sleep?: (ms: number) => Promise<void>;
	random?: () => number;
	/** Called before each retry with the failure and the delay chosen. */
	onRetry?: (error: Error, attempt: number, delayMs: number) => void;
}

/** Delay before retry number `retry` (0-based): min(max, base·2^retry), scaled by a jitter factor in [0.5, 1). */
export function backoffDelay(retry: number, backoffMs: number, maxBackoffMs: number, random: () => number): number {
	const ceiling = Math.min(maxBackoffMs, backoffMs * 2 ** retry);
	return Math.round(ceiling * (0.5 + random() / 2));
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Is this error worth another attempt? AttemptErrors say so; local file-system errors are not; other (network) errors are. */
export function isRetryable(error: unknown): boolean {
	if (error instanceof AttemptError) return error.retryable;
	const e = error as NodeJS.ErrnoException;
	return !(e && typeof e.syscall === 'string' && typeof e.path === 'string');
}

/** Runs `attempt` until it succeeds, fails for good, or retries run out; throws the last error. */
export async function withRetries<T>(attempt: (n: number) => Promise<T>, options: RetryOptions): Promise<T> {
	const sleep = options.sleep ?? realSleep;
	const random = options.random ?? Math.random;
	for (let n = 0; ; n++) {
		try {
			return await attempt(n);
		} catch (error) {
			if (n >= options.retries || !isRetryable(error)) throw error;
			const delay = backoffDelay(n, options.backoffMs, options.maxBackoffMs, random);
			options.onRetry?.(error as Error, n + 1, delay);
			await sleep(delay);
		}
	}
}
