// The closing review of the nation or a unit (seed 004's report): one load shared by /tong-ket and /tong-ket/[code].
import type { RequestEvent } from '@sveltejs/kit';
import { resolveUnit } from '../../../../queries/query-context.ts';
import { targets } from '../../../../queries/targets.ts';
import { authorsByValidCount } from '../../../../queries/people.ts';
import { unitPath } from '../../../../queries/unit-path.ts';
import { pageSeries, pageTotals } from './datasets.ts';
import { showDataset, withPage } from './page-data.ts';
import { unitCodeParam } from './request-params.ts';

export function loadReview(event: RequestEvent, code: string) {
	return withPage(event, async (context) => {
		const { db, viewer, asOf, language } = context;
		const scope = await resolveUnit(db, unitCodeParam(code, language));
		const unit = scope.code;
		const params = { unit };
		// Every part starts at once: the datasets need none of the figures above.
		const [[t, g, s, path, authorCounts], [curve, subUnits, fields, topBenefit, authors]] = await Promise.all([
			Promise.all([
				pageTotals(context, unit),
				targets(db, { viewer, asOf, unit }),
				pageSeries(context, unit),
				unitPath(db, unit),
				authorsByValidCount(db, { viewer, asOf, unit })
			]),
			Promise.all([
				showDataset(context, 'duong-tich-luy', params),
				scope.level < 3 ? showDataset(context, 'don-vi-con', params) : null,
				showDataset(context, 'co-cau', { ...params, by: 'field' }),
				showDataset(context, 'sang-kien-lam-loi', params),
				scope.level > 0 ? showDataset(context, 'tac-gia', params) : null
			])
		]);
		const firstDay = s.points.find((p) => p.onPortal > 0)?.day ?? null;
		const rows = g.subUnits.rows;
		const most = authorCounts.rows.find((r) => r.authors !== null && r.authors > 0) ?? null;
		return {
			unit: { code: unit, name: scope.name, level: scope.level },
			path,
			totals: t,
			targets: { targetAssigned: g.targetAssigned, attainment: g.attainment, meets: g.meets, gap: g.gap, met: g.subUnits.met, withTarget: g.subUnits.withTarget, total: g.subUnits.total },
			firstDay,
			metUnits: rows.filter((r) => r.meets === true).sort((a, b) => (b.attainment ?? 0) - (a.attainment ?? 0)).map((r) => ({ code: r.code, name: r.name, valid: r.valid, attainment: r.attainment })),
			missedUnits: rows.filter((r) => r.meets === false).sort((a, b) => (a.attainment ?? 0) - (b.attainment ?? 0)).map((r) => ({ code: r.code, name: r.name, valid: r.valid, attainment: r.attainment, gap: r.gap })),
			mostProlific: most ? { validInitiatives: most.validInitiatives, authors: most.authors! } : null,
			curve, subUnits, fields, topBenefit, authors
		};
	}, { cache: true });
}
