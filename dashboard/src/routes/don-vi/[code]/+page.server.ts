// Unit drill-down at every level (VN = the nation): totals, attainment, national and peer rank, curve vs peers, sub-units, breakdowns, benefit, authors; a grassroots union adds its initiative list (search, sort, pages in the URL).
import { peerGroupOf } from '../../../../../queries/peers.ts';
import { rankings } from '../../../../../queries/rankings.ts';
import { resolveUnit } from '../../../../../queries/query-context.ts';
import { targets } from '../../../../../queries/targets.ts';
import { totals } from '../../../../../queries/totals.ts';
import { canSeeDetail } from '../../../../../queries/viewer.ts';
import { INITIATIVE_SORTS, initiativeList } from '../../../../../queries/initiatives.ts';
import { unitPath } from '../../../../../queries/unit-path.ts';
import { defaultPeerBy, statusLabel } from '$lib/server/datasets.ts';
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

		let standing: { national: { rank: number | null; of: number }; peer: { rank: number | null; of: number; name: string } | null; metricRank: { rank: number | null; of: number } } | null = null;
		if (scope.level > 0) {
			const level = scope.level as 1 | 2 | 3;
			const [byValid, byAttainment] = await Promise.all([rankings(db, { viewer, asOf, level, metric: 'valid' }), rankings(db, { viewer, asOf, level, metric: 'attainment' })]);
			const own = (rows: typeof byValid.rows) => rows.find((r) => r.code === unit)?.rank ?? null;
			let peer = null;
			if (level === 1) {
				const by = await defaultPeerBy(context, unit);
				const group = await peerGroupOf(db, unit, by);
				if (group) {
					const r = await rankings(db, { viewer, asOf, level: 1, metric: 'attainment', peer: { by, code: group.code } });
					peer = { rank: own(r.rows), of: r.rows.length, name: group.name };
				}
			} else {
				const parent = path.at(-2)!;
				const r = await rankings(db, { viewer, asOf, level, metric: 'attainment', unit: parent.code });
				peer = { rank: own(r.rows), of: r.rows.length, name: parent.name };
			}
			standing = { national: { rank: own(byValid.rows), of: byValid.rows.length }, metricRank: { rank: own(byAttainment.rows), of: byAttainment.rows.length }, peer };
		}

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
