// Target attainment as of T: valid ÷ assigned (and registered, phase-1) targets valid at T, the gap, and how many sub-units met their target ("8 of 14").
import { resolveStampAndUnit, ratio, type QueryOptions, type Stamp, type WarehouseDb } from './query-context.ts';
import { canSeeFigures } from './viewer.ts';
import { unitFigures, type UnitFigure } from './unit-figures.ts';

export interface SubUnitTarget extends UnitFigure {
	/** attainment ≥ 100%; null without a target. */
	meets: boolean | null;
	/** Initiatives still missing to reach the target (0 once met); null without a target. */
	gap: number | null;
}

export interface Targets extends Stamp {
	unit: { code: string; name: string; level: number };
	valid: number;
	targetAssigned: number | null;
	targetRegistered: number | null;
	targetPhase1: number | null;
	attainment: number | null;
	attainmentRegistered: number | null;
	attainmentPhase1: number | null;
	meets: boolean | null;
	gap: number | null;
	/** Direct sub-units (the level-1 units for the nation): how many have a target and how many met it. */
	subUnits: { total: number; withTarget: number; met: number; rows: SubUnitTarget[] };
}

function withTarget(f: UnitFigure): SubUnitTarget {
	return {
		...f,
		meets: f.attainment === null ? null : f.attainment >= 1,
		gap: f.targetAssigned === null ? null : Math.max(0, f.targetAssigned - f.valid)
	};
}

function sum(values: (number | null)[]): number | null {
	const present = values.filter((v): v is number => v !== null);
	return present.length === 0 ? null : present.reduce((a, b) => a + b, 0);
}

/** Attainment of `unit` (default the nation: targets summed over level-1 units) as of T, with its sub-units'. Aggregates: every viewer (press: no rows of single grassroots unions). */
export async function targets(db: WarehouseDb, options: QueryOptions): Promise<Targets> {
	const [stamp, scope] = await resolveStampAndUnit(db, options.asOf, options.unit, options.viewer);
	// The sub-units' figures and the unit's own are independent reads: both start at once. A level-1 unit's own row is
	// taken from the whole level's figures (83 units), the read its page's standing and peers make too.
	const [childFigures, ownFigures] = await Promise.all([
		unitFigures(db, stamp, { childrenOf: scope }),
		scope.level === 0 ? null
			: scope.level === 1 ? unitFigures(db, stamp, { level: 1 }).then((level) => level.filter((f) => f.code === scope.code))
				: unitFigures(db, stamp, { level: scope.level, within: scope })
	]);
	const children = childFigures.map(withTarget);
	// Counts of sub-units (how many met target) stay; rows of sub-units the viewer may not see figures of are left out.
	const shownRows = children.filter((c) => canSeeFigures(options.viewer, c.level));
	let self: Omit<SubUnitTarget, 'code' | 'name' | 'level' | 'parentCode' | 'level1Code'>;
	if (scope.level === 0) {
		const valid = children.reduce((a, c) => a + c.valid, 0);
		const assigned = sum(children.map((c) => c.targetAssigned));
		const registered = sum(children.map((c) => c.targetRegistered));
		const phase1 = sum(children.map((c) => c.targetPhase1));
		const attainment = ratio(valid, assigned);
		self = {
			onPortal: children.reduce((a, c) => a + c.onPortal, 0), underReview: 0, invalid: 0, benefit: 0, valid,
			members: sum(children.map((c) => c.members)), targetAssigned: assigned, targetRegistered: registered, targetPhase1: phase1,
			attainment, attainmentRegistered: ratio(valid, registered), attainmentPhase1: ratio(valid, phase1), perThousandMembers: null,
			meets: attainment === null ? null : attainment >= 1, gap: assigned === null ? null : Math.max(0, assigned - valid)
		};
	} else {
		self = withTarget(ownFigures![0]!);
	}
	return {
		...stamp,
		unit: { code: scope.code, name: scope.name, level: scope.level },
		valid: self.valid,
		targetAssigned: self.targetAssigned,
		targetRegistered: self.targetRegistered,
		targetPhase1: self.targetPhase1,
		attainment: self.attainment,
		attainmentRegistered: self.attainmentRegistered,
		attainmentPhase1: self.attainmentPhase1,
		meets: self.meets,
		gap: self.gap,
		subUnits: {
			total: children.length,
			withTarget: children.filter((c) => c.targetAssigned !== null).length,
			met: children.filter((c) => c.meets === true).length,
			rows: shownRows
		}
	};
}
