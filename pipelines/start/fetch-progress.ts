// A fetch wrapper that reports portal downloads as progress ("fetch 12/48"), counting against the listing's length.
import type { RunReporter } from '../run/run-reporter.ts';

function urlOf(input: Parameters<typeof fetch>[0]): URL {
	return new URL(input instanceof Request ? input.url : String(input));
}

/** Wraps `base` so each download started after a listing counts one step of `total = listing length`. */
export function fetchWithProgress(reporter: RunReporter, base: typeof fetch = fetch): typeof fetch {
	let total = 0;
	let started = 0;
	return async (input, init) => {
		const url = urlOf(input);
		const response = await base(input, init);
		if (/\/api\/exports\/?$/u.test(url.pathname)) {
			if (response.ok) {
				const listing: unknown = await response.clone().json().catch(() => []);
				total = Array.isArray(listing) ? listing.length : 0;
				started = 0;
			}
		} else if (total > 0 && response.ok) {
			started = Math.min(started + 1, total);
			reporter.progress('fetch', started, total);
		}
		return response;
	};
}
