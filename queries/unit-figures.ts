// The per-unit figures as of T (counts by status, valid benefit, members and targets valid at T) that rankings, peers, shares and targets build on.
import { sql } from 'kysely';
import type { WallClock } from '../warehouse/time/wall-clock.ts';
import { LEVEL_COLUMN, asOfCondition, n, ratio, scopeCondition, type Stamp, type UnitScope, type WarehouseDb } from './query-context.ts';

export interface UnitFigure {
	code: string;
	name: string;
	level: number;
	parentCode: string | null;
	level1Code: string | null;
	onPortal: number;
	underReview: number;
	valid: number;
	invalid: number;
	benefit: number;
	members: number | null;
	targetAssigned: number | null;
	targetRegistered: number | null;
	targetPhase1: number | null;
	/** valid ÷ assigned target; null without a target. */
	attainment: number | null;
	attainmentRegistered: number | null;
	attainmentPhase1: number | null;
	/** on the portal per 1,000 members; null without members. */
	perThousandMembers: number | null;
}

export interface UnitSelection {
	/** Units of this level (1, 2 or 3) … */
	level?: 1 | 2 | 3;
	/** … or the direct children of this unit (the nation's children are the level-1 units). */
	childrenOf?: UnitScope;
	/** Restrict to units inside this scope. */
	within?: UnitScope;
}

interface UnitRow {
	unit_code: string;
	name: string | null;
	level: number;
	parent_code: string | null;
	level1_code: string | null;
	members: number | null;
	target_assigned: number | null;
	target_registered: number | null;
	target_phase1: number | null;
}

interface FigureRow {
	unit_code: string;
	on_portal: number;
	under_review: number;
	valid: number;
	invalid: number;
	benefit: number;
}

/** The units of a selection with members and targets from the unit version valid at T (else the current unit row). */
export async function unitsAt(db: WarehouseDb, asOf: WallClock, selection: UnitSelection): Promise<UnitRow[]> {
	const { level, childrenOf, within } = selection;
	const levelCondition = level !== undefined ? sql`u.level = ${level}` : sql`TRUE`;
	const childCondition = !childrenOf ? sql`TRUE` : childrenOf.column ? sql`u.parent_code = ${childrenOf.code}` : sql`u.level = 1`;
	const withinCondition = within?.column ? sql`${sql.ref(`u.${within.column === 'grassroots_code' ? 'unit_code' : within.column}`)} = ${within.code}` : sql`TRUE`;
	const pick = (column: string) =>
		sql`CASE WHEN v.unit_code IS NULL THEN ${sql.ref(`u.${column}`)} ELSE ${sql.ref(`v.${column}`)} END`;
	const { rows } = await sql<UnitRow>`
		SELECT u.unit_code, coalesce(v.name, u.name) AS name, u.level, u.parent_code,
			CASE WHEN u.level = 1 THEN u.unit_code ELSE u.level1_code END AS level1_code,
			${pick('members')} AS members, ${pick('target_assigned')} AS target_assigned,
			${pick('target_registered')} AS target_registered, ${pick('target_phase1')} AS target_phase1
		FROM unit u
		LEFT JOIN unit_version v ON v.unit_code = u.unit_code AND v.valid_from <= ${asOf}::TIMESTAMP
			AND (v.valid_to IS NULL OR v.valid_to > ${asOf}::TIMESTAMP)
		WHERE ${levelCondition} AND ${childCondition} AND ${withinCondition} AND u.level IN (1, 2, 3)
		ORDER BY u.unit_code`.execute(db);
	return rows;
}

/** Counts of one level's units as of T, from initiative_period (or unit_totals when T is the latest export). */
async function figuresOfLevel(db: WarehouseDb, stamp: Stamp, level: 1 | 2 | 3, within: UnitScope | undefined): Promise<FigureRow[]> {
	const column = LEVEL_COLUMN[level];
	if (stamp.asOf === stamp.latestExport) {
		const { rows } = await sql<FigureRow>`
			SELECT unit_code, on_portal, under_review, valid, invalid, valid_benefit AS benefit
			FROM unit_totals WHERE unit_level = ${level} AND as_of = ${stamp.asOf}::TIMESTAMP
				AND ${within?.column ? sql`${sql.ref(within.column === 'grassroots_code' ? 'unit_code' : within.column)} = ${within.code}` : sql`TRUE`}`.execute(db);
		if (rows.length > 0) return rows;
	}
	const { rows } = await sql<FigureRow>`
		SELECT ${sql.ref(column)} AS unit_code, count(*) AS on_portal,
			count(*) FILTER (WHERE status = 'under_review') AS under_review,
			count(*) FILTER (WHERE status = 'valid') AS valid,
			count(*) FILTER (WHERE status = 'invalid') AS invalid,
			coalesce(sum(benefit) FILTER (WHERE status = 'valid'), 0) AS benefit
		FROM initiative_period
		WHERE ${asOfCondition(stamp.asOf)} AND ${sql.ref(column)} IS NOT NULL AND ${within ? scopeCondition(within) : sql`TRUE`}
		GROUP BY 1`.execute(db);
	return rows;
}

/** Figures as of T for every unit of a selection, including units with nothing on the portal (zeros). */
export async function unitFigures(db: WarehouseDb, stamp: Stamp, selection: UnitSelection): Promise<UnitFigure[]> {
	const units = await unitsAt(db, stamp.asOf, selection);
	const levels = [...new Set(units.map((u) => u.level))].filter((l): l is 1 | 2 | 3 => l === 1 || l === 2 || l === 3);
	const within = selection.childrenOf?.column ? selection.childrenOf : selection.within;
	const figures = new Map<string, FigureRow>();
	for (const level of levels) {
		for (const row of await figuresOfLevel(db, stamp, level, within)) figures.set(row.unit_code, row);
	}
	return units.map((u) => {
		const f = figures.get(u.unit_code);
		const valid = n(f?.valid);
		const onPortal = n(f?.on_portal);
		return {
			code: u.unit_code,
			name: u.name ?? u.unit_code,
			level: u.level,
			parentCode: u.parent_code,
			level1Code: u.level1_code,
			onPortal,
			underReview: n(f?.under_review),
			valid,
			invalid: n(f?.invalid),
			benefit: n(f?.benefit),
			members: u.members,
			targetAssigned: u.target_assigned,
			targetRegistered: u.target_registered,
			targetPhase1: u.target_phase1,
			attainment: ratio(valid, u.target_assigned),
			attainmentRegistered: ratio(valid, u.target_registered),
			attainmentPhase1: ratio(valid, u.target_phase1),
			perThousandMembers: u.members ? (onPortal * 1000) / u.members : null
		};
	});
}
