// One HTTP attempt against the portal: GET with bearer token and an idle timeout, streaming a body to `<dest>.part`, verified, then renamed.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { AttemptError } from './retry.ts';

export interface HttpOptions {
	token?: string;
	/** Time allowed to the response headers, and the longest silence while reading the body. */
	timeoutMs: number;
	fetch?: typeof fetch;
}

function statusError(status: number, url: string): AttemptError {
	const retryable = status >= 500 || status === 408 || status === 429;
	const why = status === 401 || status === 403 ? ' (check the portal token)' : '';
	return new AttemptError(`HTTP ${status} from ${url}${why}`, retryable);
}

/** Runs `use` on a response whose headers arrived within the timeout; the timer re-arms on every `touch()`. */
async function withTimeout<T>(
	url: string,
	options: HttpOptions,
	use: (response: Response, touch: () => void) => Promise<T>
): Promise<T> {
	const controller = new AbortController();
	const timeout = new AttemptError(`no response from ${url} for ${options.timeoutMs} ms`, true);
	const timer = setTimeout(() => controller.abort(timeout), options.timeoutMs);
	try {
		const headers: Record<string, string> = options.token ? { Authorization: `Bearer ${options.token}` } : {};
		const response = await (options.fetch ?? fetch)(url, { headers, signal: controller.signal });
		timer.refresh();
		return await use(response, () => timer.refresh());
	} catch (error) {
		if (controller.signal.aborted) throw timeout;
		if (error instanceof AttemptError || !(error instanceof TypeError)) throw error;
		const cause = (error as { cause?: { message?: string } }).cause?.message;
		throw new AttemptError(`connection to ${url} failed: ${error.message}${cause ? ` (${cause})` : ''}`, true);
	} finally {
		clearTimeout(timer);
	}
}

/** GETs JSON. */
export async function getJson(url: string, options: HttpOptions): Promise<unknown> {
	return withTimeout(url, options, async (response) => {
		if (!response.ok) {
			await response.body?.cancel();
			throw statusError(response.status, url);
		}
		try {
			return await response.json();
		} catch (error) {
			if (error instanceof SyntaxError) throw new AttemptError(`invalid JSON from ${url}`, true);
			throw error;
		}
	});
}

export interface Expected {
	name: string;
	size: number;
	sha256: string;
}

/** Downloads to `<dest>.part`, checks Content-Length, byte count and sha256, then renames to `dest`; removes the part on failure. */
export async function downloadVerified(url: string, dest: string, expected: Expected, options: HttpOptions): Promise<void> {
	const part = `${dest}.part`;
	try {
		await withTimeout(url, options, async (response, touch) => {
			if (!response.ok || !response.body) {
				await response.body?.cancel();
				throw statusError(response.status, url);
			}
			const length = response.headers.get('content-length');
			if (length !== null && Number(length) !== expected.size) {
				await response.body.cancel();
				throw new AttemptError(`${expected.name}: Content-Length ${length} but the listing says ${expected.size} bytes`, true);
			}
			const hash = createHash('sha256');
			let bytes = 0;
			const tap = new Transform({
				transform(chunk: Buffer, _encoding, done) {
					bytes += chunk.length;
					hash.update(chunk);
					touch();
					done(null, chunk);
				}
			});
			await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), tap, createWriteStream(part));
			if (bytes !== expected.size) {
				throw new AttemptError(`${expected.name}: received ${bytes} bytes, expected ${expected.size}`, true);
			}
			const sha256 = hash.digest('hex');
			if (sha256 !== expected.sha256) {
				throw new AttemptError(`${expected.name}: sha256 ${sha256} does not match the listing's ${expected.sha256}`, true);
			}
		});
		await rename(part, dest);
	} catch (error) {
		await unlink(part).catch(() => undefined);
		throw error;
	}
}
