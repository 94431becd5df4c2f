// The fetch stage: gathers export files from every configured source (drop folders and portals) into one result for land.
import type { HttpConfig, SourceConfig } from '../config/pipeline-config.ts';
import { incomingDir } from '../land/land-files.ts';
import { fetchDropFolder } from './drop-folder-source.ts';
import { emptyResult, mergeResults, type FetchResult } from './fetch-result.ts';
import { fetchPortal } from './portal-source.ts';

export interface FetchOptions {
	warehouseDir: string;
	/** Defaults to `<warehouse>/incoming` (land then moves files out of it rather than copying). */
	downloadDir?: string;
	token: string;
	http: HttpConfig;
	fetch?: typeof fetch;
	sleep?: (ms: number) => Promise<void>;
	random?: () => number;
	log?: (line: string) => void;
}

/** Fetches from each source in order; `ok` is false when anything failed, and failed files never appear in `files`. */
export async function fetchSources(sources: readonly SourceConfig[], options: FetchOptions): Promise<FetchResult> {
	const result = emptyResult();
	const log = options.log ?? (() => undefined);
	for (const source of sources) {
		const one =
			source.kind === 'folder'
				? await fetchDropFolder(source.path, options.warehouseDir)
				: await fetchPortal(source.url, {
						...options,
						downloadDir: options.downloadDir ?? incomingDir(options.warehouseDir)
					});
		for (const ignored of one.ignored) log(`fetch: ignored ${ignored.name}: ${ignored.reason}`);
		for (const failure of source.kind === 'folder' ? one.failures : []) {
			log(`fetch: failed ${failure.name ?? failure.source}: ${failure.reason}`);
		}
		mergeResults(result, one);
	}
	log(
		`fetch: ${result.files.length} to land, ${result.skipped.length} already landed, ` +
			`${result.ignored.length} ignored, ${result.failures.length} failed`
	);
	return result;
}
