// Unit drill-down at every level (VN = the nation): totals, attainment, national and peer rank, curve vs peers, sub-units, breakdowns, benefit, authors; a grassroots union adds its initiative list (search, sort, pages in the URL).
import { resolveUnit } from '../../../../../queries/query-context.ts';
import { targets } from '../../../../../queries/targets.ts';
import { totals } from '../../../../../queries/totals.ts';
import { unitStanding } from '../../../../../queries/unit-page.ts';
import { canSeeDetail } from '../../../../../queries/viewer.ts';
import { INITIATIVE_SORTS, initiativeList } from '../../../../../queries/initiatives.ts';
import { unitPath } from '../../../../../queries/unit-path.ts';
import { statusLabel } from '$lib/server/datasets.ts';
import { exportLinks } from '$lib/server/dataset-types.ts';
import { showDataset, withPage } from '$lib/server/page-data.ts';
import { enumParam, pageParam, textParam, unitCodeParam } from '$lib/server/request-params.ts';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

export const load: PageServerLoad = (event) =>
	withPage(event, async (context) => {
		const { db, viewer, asOf, language } = context;
		const code = unitCodeParam(event.params.code, language);
		const scope = await resolveUnit(db, code);
		const unit = scope.code;
		const params = { unit };
		const [path, t, g] = await Promise.all([unitPath(db, unit), totals(db, { viewer, asOf, unit }), targets(db, { viewer, asOf, unit })]);

		// One read of the level's figures gives the national ranks and the peer rank (rankings() would sort the level three times).
		const parent = path.at(-2);
		const standing = scope.level > 0
			? await unitStanding(db, { viewer, asOf, unit, parent: parent && { code: parent.code, name: parent.name, level: parent.level } })
			: null;

		const [curve, peers, subUnits, fields, sectors, leadership, authors, topBenefit] = await Promise.all([
			showDataset(context, 'duong-tich-luy', params),
			scope.level > 0 ? showDataset(context, 'so-sanh', params) : null,
			scope.level < 3 ? showDataset(context, 'don-vi-con', params) : null,
			showDataset(context, 'co-cau', { ...params, by: 'field' }),
			showDataset(context, 'co-cau', { ...params, by: 'sector' }),
			showDataset(context, 'co-cau', { ...params, by: 'leadership' }),
			scope.level > 0 ? showDataset(context, 'tac-gia', params) : null,
			showDataset(context, 'sang-kien-lam-loi', params)
		]);

		let list = null;
		if (scope.level === 3 && canSeeDetail(viewer, unit)) {
			const q = textParam(event.url, 'q');
			const sort = enumParam(event.url, 'sapxep', INITIATIVE_SORTS, 'moi-nhat', language);
			const page = pageParam(event.url, language);
			const result = await initiativeList(db, { viewer, asOf, unit, search: q, sort, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
			list = {
				q, sort, page, pageSize: PAGE_SIZE, total: result.total, pages: Math.max(1, Math.ceil(result.total / PAGE_SIZE)),
				rows: result.rows.map((r) => ({ ...r, statusLabel: statusLabel(r.status, language) })),
				exports: exportLinks('danh-sach-sang-kien', { unit, q: q || undefined, sapxep: sort }, context, false)
			};
		}

		return {
			unit: { code: unit, name: scope.name, level: scope.level },
			path,
			totals: t,
			targets: { targetAssigned: g.targetAssigned, targetRegistered: g.targetRegistered, targetPhase1: g.targetPhase1, attainment: g.attainment, attainmentRegistered: g.attainmentRegistered, attainmentPhase1: g.attainmentPhase1, meets: g.meets, gap: g.gap, met: g.subUnits.met, withTarget: g.subUnits.withTarget, total: g.subUnits.total },
			standing,
			curve, peers, subUnits, fields, sectors, leadership, authors, topBenefit, list
		};
	}, { cache: true });
