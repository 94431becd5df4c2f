// What every page load starts from: the language, the validated as-of, the viewer and the warehouse, and a helper showing several datasets with their export links.
import type { RequestEvent } from '@sveltejs/kit';
import { NotVisibleError } from '../../../../queries/viewer.ts';
import { asOfParam } from './request-params.ts';
import { DATASETS } from './datasets.ts';
import { shown, type DatasetContext, type DatasetParams, type ShownDataset } from './dataset-types.ts';
import { viewerOf } from './viewer.ts';
import { withDb } from './warehouse.ts';

/** Runs fn with the page's dataset context (db, viewer, language, as-of); query errors become Vietnamese HTTP errors. */
export function withPage<T>(event: RequestEvent, fn: (context: DatasetContext) => Promise<T>): Promise<T> {
	const language = event.locals.language;
	const asOf = asOfParam(event.url, language);
	const viewer = viewerOf(event);
	return withDb(language, (db) => fn({ db, viewer, language, asOf }));
}

/** Shows one dataset by id with its parameters; null when the viewer may not see it (the page leaves that part out). */
export async function showDataset(context: DatasetContext, id: keyof typeof DATASETS & string, params: DatasetParams = {}): Promise<ShownDataset | null> {
	try {
		return shown(await DATASETS[id]!(context, params), params, { asOf: context.asOf, language: context.language });
	} catch (e) {
		if (e instanceof NotVisibleError) return null;
		throw e;
	}
}
