// The overview page's data: national totals against the 1,000,000 goal, phases, milestones, the cumulative curve, tile maps (63 and 34) by attainment, top units.
import { milestones } from '../../../../queries/milestones.ts';
import { GOAL, PHASE1_GOAL } from '../../../../queries/programme.ts';
import { targets } from '../../../../queries/targets.ts';
import { totals } from '../../../../queries/totals.ts';
import type { DatasetContext } from './dataset-types.ts';
import { showDataset } from './page-data.ts';

export async function overviewData(context: DatasetContext) {
	const { db, viewer, asOf } = context;
	// Every part starts at once: the datasets need none of the figures of the first three.
	const [t, g, m, curve, map63, map34, top] = await Promise.all([
		totals(db, { viewer, asOf }),
		targets(db, { viewer, asOf }),
		milestones(db, { viewer, asOf }),
		showDataset(context, 'duong-tich-luy'),
		showDataset(context, 'ban-do-63'),
		showDataset(context, 'ban-do-34'),
		showDataset(context, 'don-vi-dan-dau')
	]);
	return {
		goal: GOAL,
		phase1Goal: PHASE1_GOAL,
		totals: t,
		targets: { targetAssigned: g.targetAssigned, attainment: g.attainment, met: g.subUnits.met, withTarget: g.subUnits.withTarget, total: g.subUnits.total },
		milestones: m.milestones,
		curve,
		map63,
		map34,
		top
	};
}
