// What every page load starts from: the language, the validated as-of, the viewer and the warehouse, and a helper showing several datasets with their export links.
import type { RequestEvent } from '@sveltejs/kit';
import type { WarehouseDb } from '../../../../queries/query-context.ts';
import { LEADERSHIP, NotVisibleError, type Viewer } from '../../../../queries/viewer.ts';
import type { Language } from '../i18n/translate.ts';
import { asOfParam } from './request-params.ts';
import { DATASETS } from './datasets.ts';
import { shown, type DatasetContext, type DatasetParams, type ShownDataset } from './dataset-types.ts';
import { ReadCache, requestDb } from './request-db.ts';
import { viewerOf } from './viewer.ts';
import { withDb } from './warehouse.ts';

/** Page data by version, viewer and URL: a published version never changes, so its pages can be reused (SANG_KIEN_PAGE_CACHE=0 turns this off). */
const cache = new Map<string, Promise<unknown>>();
const CACHE_SIZE = 300;
/** Query results shared by every page of a version (rankings of a level serve each of its units' pages); bounded by rows held. */
const reads = new ReadCache(Number(process.env.SANG_KIEN_READ_CACHE_ROWS ?? 400_000));

/**
 * Runs fn with the page's dataset context (db, viewer, language, as-of); query errors become Vietnamese HTTP errors.
 * With `cache`, the plain result is kept per (version, viewer, URL) in a small LRU.
 */
export function withPage<T>(event: RequestEvent, fn: (context: DatasetContext) => Promise<T>, options: { cache?: boolean } = {}): Promise<T> {
	const language = event.locals.language;
	// The language comes from the hooks; reading ?lang= makes a client-side language switch rerun the load.
	event.url.searchParams.get('lang');
	const asOf = asOfParam(event.url, language);
	const viewer = viewerOf(event);
	const cacheOn = process.env.SANG_KIEN_PAGE_CACHE !== '0';
	const cached = options.cache === true && cacheOn;
	return withDb(language, (shared, version) => {
		const render = () => {
			const started = performance.now();
			const { db, stats } = requestDb(shared, cacheOn ? { cache: reads, version } : undefined);
			const result = fn({ db, viewer, language, asOf, version: cacheOn ? version : undefined, memo: new Map() });
			if (process.env.SANG_KIEN_PAGE_TIMING === '1') {
				void result.finally(() => {
					const slowest = stats.slowest.map((q) => `${Math.round(q.ms)} ms ${q.sql}`).join(' | ');
					console.error(`page ${event.url.pathname}: ${Math.round(performance.now() - started)} ms, ${stats.executed} queries ${Math.round(stats.ms)} ms, ${stats.shared} shared; slowest: ${slowest}`);
				}).catch(() => {});
			}
			return result;
		};
		if (!cached) return render();
		return remembered(pageKey(version, viewer, language, `${event.url.pathname}${event.url.search}`), render);
	});
}

/** The page cache's key: pages are shared by viewers of the same role and unit (never by user), language and URL. */
function pageKey(version: string, viewer: Viewer, language: Language, url: string): string {
	return `${version}|${viewer.role}:${viewer.unitCode ?? ''}|${language}|${url}`;
}

/** The cached page data of a key, else render's (kept, most recently used last; a failed render is not kept). */
function remembered<T>(key: string, render: () => Promise<T>): Promise<T> {
	const hit = cache.get(key) as Promise<T> | undefined;
	if (hit) {
		cache.delete(key);
		cache.set(key, hit);
		return hit;
	}
	const result = render();
	cache.set(key, result);
	result.catch(() => cache.delete(key));
	while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
	return result;
}

/**
 * Renders a page's data for the leadership in Vietnamese at the latest export, as a request to `url` would, into the page
 * cache (and its reads into the shared read cache): the first leader to open it after a publish gets it at once.
 * Nothing when the page cache is off; false when the page was already cached.
 */
export async function warmPage(shared: WarehouseDb, version: string, url: string, fn: (context: DatasetContext) => Promise<unknown>): Promise<boolean> {
	if (process.env.SANG_KIEN_PAGE_CACHE === '0') return false;
	const key = pageKey(version, LEADERSHIP, 'vi', url);
	if (cache.has(key)) return false;
	await remembered(key, () => {
		const { db } = requestDb(shared, { cache: reads, version });
		return fn({ db, viewer: LEADERSHIP, language: 'vi', asOf: undefined, version, memo: new Map() });
	});
	return true;
}

/** Shown datasets (chart SVG and table HTML included) by version, viewer, language, as-of, id and parameters: pages share them (a unit page and its closing review). */
const datasets = new Map<string, Promise<ShownDataset | null>>();
const DATASET_CACHE_SIZE = 500;

/** Shows one dataset by id with its parameters; null when the viewer may not see it (the page leaves that part out). */
export function showDataset(context: DatasetContext, id: keyof typeof DATASETS & string, params: DatasetParams = {}): Promise<ShownDataset | null> {
	if (context.version === undefined) return showNow(context, id, params);
	const { viewer } = context;
	const key = JSON.stringify([context.version, viewer.role, viewer.unitCode ?? '', context.language, context.asOf ?? '', id, Object.entries(params).filter(([, v]) => v !== undefined).sort()]);
	const hit = datasets.get(key);
	if (hit) {
		datasets.delete(key);
		datasets.set(key, hit);
		return hit;
	}
	const result = showNow(context, id, params);
	datasets.set(key, result);
	result.catch(() => datasets.delete(key));
	while (datasets.size > DATASET_CACHE_SIZE) datasets.delete(datasets.keys().next().value!);
	return result;
}

async function showNow(context: DatasetContext, id: keyof typeof DATASETS & string, params: DatasetParams): Promise<ShownDataset | null> {
	try {
		return shown(await DATASETS[id]!(context, params), params, { asOf: context.asOf, language: context.language });
	} catch (e) {
		if (e instanceof NotVisibleError) return null;
		throw e;
	}
}
