// Data health: freshness per source, pipeline runs, quarantined rows by reason and by the unit that must fix them, with each unit's rejected rows downloadable.
import { freshness, quarantineCounts } from '../../../../queries/quality.ts';
import { exportLinks } from '$lib/server/dataset-types.ts';
import { showDataset, withPage } from '$lib/server/page-data.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	withPage(event, async (context) => {
		const { db, viewer } = context;
		const [fresh, byUnit, runs, byReason, unitTable] = await Promise.all([
			freshness(db, { viewer }),
			quarantineCounts(db, { viewer, by: 'unit' }),
			showDataset(context, 'lan-cap-nhat'),
			showDataset(context, 'cach-ly', { by: 'reason' }),
			showDataset(context, 'cach-ly', { by: 'unit' })
		]);
		const names = new Map((await db.selectFrom('ref_level1').select(['code', 'name']).execute()).map((r) => [r.code, r.name]));
		return {
			freshness: fresh,
			runs,
			byReason,
			unitTable,
			toFix: byUnit.rows.map((r) => ({ code: r.key, name: names.get(r.key) ?? null, rows: r.rows, exports: exportLinks('dong-bi-loai', { unit: r.key }, context, false) })),
			totalQuarantined: byUnit.total
		};
	}, { cache: true });
