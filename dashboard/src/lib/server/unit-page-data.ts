// A unit page's data at every level (VN = the nation): totals, attainment, national and peer rank, curve vs peers, sub-units, breakdowns, benefit, authors; a grassroots union adds its initiative list.
import { INITIATIVE_SORTS, initiativeList, type InitiativeSort } from '../../../../queries/initiatives.ts';
import { resolveUnit } from '../../../../queries/query-context.ts';
import { targets } from '../../../../queries/targets.ts';
import { unitStanding } from '../../../../queries/unit-page.ts';
import { unitPath } from '../../../../queries/unit-path.ts';
import { canSeeDetail } from '../../../../queries/viewer.ts';
import { exportLinks, type DatasetContext } from './dataset-types.ts';
import { pageTotals, statusLabel } from './datasets.ts';
import { showDataset } from './page-data.ts';

export const PAGE_SIZE = 50;
export { INITIATIVE_SORTS };

/** The initiative list's search, order and page (read from the URL only when the page has a list). */
export interface ListParams {
	q: string;
	sort: InitiativeSort;
	page: number;
}

export async function unitPageData(context: DatasetContext, code: string, listParams: () => ListParams) {
	const { db, viewer, asOf } = context;
	const scope = await resolveUnit(db, code);
	const unit = scope.code;
	const params = { unit };
	// The list's URL parameters are read (and refused) before any read starts.
	const listWanted = scope.level === 3 && canSeeDetail(viewer, unit) ? listParams() : null;
	// Every part starts at once (none waits for another's figures): the version's connections run their reads side by side.
	const pathRead = unitPath(db, unit);
	const figures = Promise.all([pageTotals(context, unit), targets(db, { viewer, asOf, unit })]);
	// One read of the level's figures gives the national ranks and the peer rank (rankings() would sort the level three times).
	// A level-1 unit's peers are its region or kind, not its parent: its standing need not wait for the path.
	const standingRead = scope.level === 1
		? unitStanding(db, { viewer, asOf, unit })
		: scope.level > 1
			? pathRead.then((path) => {
					const parent = path.at(-2);
					return unitStanding(db, { viewer, asOf, unit, parent: parent && { code: parent.code, name: parent.name, level: parent.level } });
				})
			: null;
	const shownRead = Promise.all([
		showDataset(context, 'duong-tich-luy', params),
		scope.level > 0 ? showDataset(context, 'so-sanh', params) : null,
		scope.level < 3 ? showDataset(context, 'don-vi-con', params) : null,
		showDataset(context, 'co-cau', { ...params, by: 'field' }),
		showDataset(context, 'co-cau', { ...params, by: 'sector' }),
		showDataset(context, 'co-cau', { ...params, by: 'leadership' }),
		scope.level > 0 ? showDataset(context, 'tac-gia', params) : null,
		showDataset(context, 'sang-kien-lam-loi', params)
	]);
	const listRead = listWanted ? initiativeListOf(context, unit, listWanted) : null;

	const [path, [t, g], standing, [curve, peers, subUnits, fields, sectors, leadership, authors, topBenefit], list] =
		await Promise.all([pathRead, figures, standingRead, shownRead, listRead]);

	return {
		unit: { code: unit, name: scope.name, level: scope.level },
		path,
		totals: t,
		targets: { targetAssigned: g.targetAssigned, targetRegistered: g.targetRegistered, targetPhase1: g.targetPhase1, attainment: g.attainment, attainmentRegistered: g.attainmentRegistered, attainmentPhase1: g.attainmentPhase1, meets: g.meets, gap: g.gap, met: g.subUnits.met, withTarget: g.subUnits.withTarget, total: g.subUnits.total },
		standing,
		curve, peers, subUnits, fields, sectors, leadership, authors, topBenefit, list
	};
}

/** One page of a grassroots union's initiatives (search, order, page) with its export links. */
async function initiativeListOf(context: DatasetContext, unit: string, { q, sort, page }: ListParams) {
	const { db, viewer, asOf, language } = context;
	const result = await initiativeList(db, { viewer, asOf, unit, search: q, sort, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
	return {
		q, sort, page, pageSize: PAGE_SIZE, total: result.total, pages: Math.max(1, Math.ceil(result.total / PAGE_SIZE)),
		rows: result.rows.map((r) => ({ ...r, statusLabel: statusLabel(r.status, language) })),
		exports: exportLinks('danh-sach-sang-kien', { unit, q: q || undefined, sapxep: sort }, context, false)
	};
}
