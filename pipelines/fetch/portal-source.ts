// Fetches from a portal: reads the listing, skips what is landed, downloads the rest with retries and verification.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseExportFileName } from '../land/export-file-name.ts';
import { landedNames, landedPath } from '../land/land-files.ts';
import type { HttpConfig } from '../config/pipeline-config.ts';
import { emptyResult, type FetchResult } from './fetch-result.ts';
import { downloadVerified, getJson } from './http-download.ts';
import { withRetries } from './retry.ts';

export interface PortalFetchOptions {
	warehouseDir: string;
	/** Where downloads are written (`<name>.part`, then `<name>`). */
	downloadDir: string;
	token: string;
	http: HttpConfig;
	fetch?: typeof fetch;
	sleep?: (ms: number) => Promise<void>;
	random?: () => number;
	log?: (line: string) => void;
}

export interface ListingEntry {
	name: string;
	size: number;
	sha256: string;
	url: string;
}

/** Checks one listing entry; the download URL must be on the listing's origin (the token goes nowhere else). */
export function readListingEntry(raw: unknown, listingUrl: string): ListingEntry | string {
	const e = raw as Partial<Record<keyof ListingEntry, unknown>> | null;
	if (typeof e !== 'object' || e === null || typeof e.name !== 'string') return 'listing entry without a name';
	if (typeof e.sha256 !== 'string' || !/^[0-9a-f]{64}$/u.test(e.sha256)) return `${e.name}: listing has no valid sha256`;
	if (typeof e.size !== 'number' || !Number.isInteger(e.size) || e.size < 0) return `${e.name}: listing has no valid size`;
	const fallback = `${listingUrl.replace(/\/$/u, '')}/${encodeURIComponent(e.name)}`;
	const url = new URL(typeof e.url === 'string' ? e.url : fallback, listingUrl);
	if (url.origin !== new URL(listingUrl).origin) return `${e.name}: download URL is not on the portal's origin`;
	return { name: e.name, size: e.size, sha256: e.sha256, url: url.toString() };
}

/** Fetches every listed export not yet landed. */
export async function fetchPortal(listingUrl: string, options: PortalFetchOptions): Promise<FetchResult> {
	const result = emptyResult();
	const source = listingUrl;
	const log = options.log ?? (() => undefined);
	const http = { token: options.token, timeoutMs: options.http.timeoutMs, ...(options.fetch && { fetch: options.fetch }) };
	const retry = (what: string) => ({
		retries: options.http.retries,
		backoffMs: options.http.backoffMs,
		maxBackoffMs: options.http.maxBackoffMs,
		...(options.sleep && { sleep: options.sleep }),
		...(options.random && { random: options.random }),
		onRetry: (error: Error, attempt: number, delayMs: number) =>
			log(`fetch: ${what}: ${error.message}; retry ${attempt}/${options.http.retries} in ${delayMs} ms`)
	});
	const fail = (name: string | null, reason: string) => {
		log(`fetch: failed ${name ?? source}: ${reason}`);
		result.failures.push({ name, source, reason });
		result.ok = false;
	};

	let listing: unknown;
	try {
		listing = await withRetries(() => getJson(listingUrl, http), retry('listing'));
	} catch (error) {
		fail(null, `listing: ${(error as Error).message}`);
		return result;
	}
	if (!Array.isArray(listing)) {
		fail(null, 'listing is not a JSON array');
		return result;
	}
	await mkdir(options.downloadDir, { recursive: true });
	for (const raw of listing) {
		const entry = readListingEntry(raw, listingUrl);
		if (typeof entry === 'string') {
			fail(null, entry);
			continue;
		}
		const parsed = parseExportFileName(entry.name);
		if (!parsed.ok) {
			result.ignored.push({ name: entry.name, source, reason: parsed.message });
			continue;
		}
		const landed = await landedNames(options.warehouseDir, entry.sha256);
		if (landed.includes(entry.name)) {
			result.skipped.push({ name: entry.name, sha256: entry.sha256, source });
			continue;
		}
		const base = { name: entry.name, sha256: entry.sha256, sizeBytes: entry.size, source };
		if (landed[0] !== undefined) {
			// Same bytes already landed under another name: land from that copy, no download.
			result.files.push({ ...base, path: landedPath(options.warehouseDir, entry.sha256, landed[0]) });
			continue;
		}
		const dest = join(options.downloadDir, entry.name);
		try {
			await withRetries(() => downloadVerified(entry.url, dest, entry, http), retry(entry.name));
			result.files.push({ ...base, path: dest });
		} catch (error) {
			fail(entry.name, (error as Error).message);
		}
	}
	return result;
}
