// The dashboard's one read-only PublishedWarehouse (SANG_KIEN_WAREHOUSE, default var/warehouse) and the wrapper turning query errors into Vietnamese HTTP errors.
import { error } from '@sveltejs/kit';
import { resolve } from 'node:path';
import { QueryInputError, type WarehouseDb } from '../../../../queries/query-context.ts';
import { NotVisibleError } from '../../../../queries/viewer.ts';
import { NoPublishedVersionError, PublishedWarehouse } from '../../../../warehouse/versions/published-warehouse.ts';
import { t, type Language } from '../i18n/translate.ts';

let warehouse: PublishedWarehouse | undefined;

/** The warehouse directory the server reads. */
export function warehouseDirectory(): string {
	return resolve(process.env.SANG_KIEN_WAREHOUSE || 'var/warehouse');
}

/** The process's reader of published versions (opened lazily, reopened when CURRENT changes). */
export function publishedWarehouse(): PublishedWarehouse {
	warehouse ??= new PublishedWarehouse(warehouseDirectory(), {
		onError: (e) => console.error(`warehouse: cannot open the new version: ${e.message.split('\n')[0]}`)
	});
	return warehouse;
}

/** Runs fn on the published version; expected query errors become 400/404/503 with a message in the page language. */
export async function withDb<T>(language: Language, fn: (db: WarehouseDb, version: string) => Promise<T>): Promise<T> {
	try {
		return await publishedWarehouse().use((handle) => fn(handle.db, handle.version));
	} catch (e) {
		throw httpErrorOf(e, language);
	}
}

/** The HTTP error of an expected failure; anything else is rethrown unchanged (handleError hides it). */
export function httpErrorOf(e: unknown, language: Language): unknown {
	if (e instanceof NoPublishedVersionError) return error(503, { message: t('error.noWarehouse', language), code: 'no_warehouse' });
	if (e instanceof NotVisibleError) return error(404, { message: t('error.notFound', language), code: 'not_found' });
	if (e instanceof QueryInputError) {
		if (e.code === 'unknown_unit') return error(404, { message: t('error.notFound', language), code: 'not_found' });
		if (e.code === 'invalid_as_of') return error(400, { message: t('error.badAsOf', language), code: 'bad_as_of' });
		if (e.code === 'empty_warehouse') return error(503, { message: t('error.noWarehouse', language), code: 'no_warehouse' });
		return error(400, { message: language === 'vi' ? 'Tham số không hợp lệ.' : 'Invalid parameter.', code: 'bad_parameter' });
	}
	return e;
}
