// What a fetch reports: files ready to land, and every file skipped, ignored or failed with its reason.
import type { FetchedFile } from './fetched-file.ts';

export interface FetchResult {
	/** False when any source or file failed; `files` then holds only the files that were fully verified. */
	ok: boolean;
	files: FetchedFile[];
	/** Already landed under this checksum and name: nothing to do. */
	skipped: { name: string; sha256: string; source: string }[];
	/** Names outside the export naming contract: reported, never loaded. */
	ignored: { name: string; source: string; reason: string }[];
	failures: { name: string | null; source: string; reason: string }[];
}

export function emptyResult(): FetchResult {
	return { ok: true, files: [], skipped: [], ignored: [], failures: [] };
}

/** Appends one source's result to the whole fetch's. */
export function mergeResults(into: FetchResult, from: FetchResult): FetchResult {
	into.files.push(...from.files);
	into.skipped.push(...from.skipped);
	into.ignored.push(...from.ignored);
	into.failures.push(...from.failures);
	into.ok = into.failures.length === 0;
	return into;
}
