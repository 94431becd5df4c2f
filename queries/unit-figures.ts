// The per-unit figures as of T (counts by status, valid benefit, members and targets valid at T) that rankings, peers, shares and targets build on.
import { sql } from 'kysely';
import type { WallClock } from '../warehouse/time/wall-clock.ts';
import { FIRST_DAY } from './programme.ts';
import { asOfCondition, LEVEL_COLUMN, n, periodScopeCondition, ratio, type Stamp, type UnitScope, type WarehouseDb } from './query-context.ts';

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
	// The nation's children are the level-1 units: asked either way, the statement is the same (a page's identical reads run once).
	const nationChildren = selection.childrenOf !== undefined && !selection.childrenOf.column && (selection.level === undefined || selection.level === 1);
	const { level, childrenOf, within } = nationChildren ? { ...selection, level: 1 as const, childrenOf: undefined } : selection;
	const levelCondition = level !== undefined ? sql`u.level = ${level}` : sql`TRUE`;
	const childCondition = !childrenOf ? sql`TRUE` : childrenOf.column ? sql`u.parent_code = ${childrenOf.code}` : sql`u.level = 1`;
	const withinCondition = within?.column ? sql`${sql.ref(`u.${within.column === 'grassroots_code' ? 'unit_code' : within.column}`)} = ${within.code}` : sql`TRUE`;
	const pick = (column: string) =>
		sql`CASE WHEN v.unit_code IS NULL THEN ${sql.ref(`u.${column}`)} ELSE ${sql.ref(`v.${column}`)} END`;
	// unit is unit_version's open rows: a unit differs from it at T only through a version closed after T (a unit export
	// after T changed it), a handful of rows; the open versions are never read, nor joined.
	const { rows } = await sql<UnitRow>`
		WITH u AS (
			SELECT unit_code, name, level, parent_code, level1_code, members, target_assigned, target_registered, target_phase1
			FROM unit u WHERE ${levelCondition} AND ${childCondition} AND ${withinCondition} AND u.level IN (1, 2, 3)
		),
		v AS (
			SELECT unit_code, name, members, target_assigned, target_registered, target_phase1 FROM unit_version
			WHERE valid_to IS NOT NULL AND valid_from <= ${asOf}::TIMESTAMP AND valid_to > ${asOf}::TIMESTAMP
		)
		SELECT u.unit_code, coalesce(v.name, u.name) AS name, u.level, u.parent_code,
			CASE WHEN u.level = 1 THEN u.unit_code ELSE u.level1_code END AS level1_code,
			${pick('members')} AS members, ${pick('target_assigned')} AS target_assigned,
			${pick('target_registered')} AS target_registered, ${pick('target_phase1')} AS target_phase1
		FROM u LEFT JOIN v ON v.unit_code = u.unit_code
		ORDER BY u.unit_code`.execute(db);
	return rows;
}


/** Units inside a scope, on unit or unit_totals (unit_code, level1_code and upper_code columns; a closed whitelist of column names). */
function withinCondition(within: UnitScope | undefined) {
	return within?.column ? sql`${sql.ref(within.column === 'grassroots_code' ? 'unit_code' : within.column)} = ${within.code}` : sql`TRUE`;
}

/**
 * Counts of level-1 or upper-level units at a past T: the daily series at the end of the day before T (a mart row per unit
 * and day), plus the periods that started on T's day up to T, minus those that ended then. Only the day's changes are
 * aggregated; the time filters skip the row groups of initiative_period (sorted by from_at) after T.
 */
async function figuresFromSeries(db: WarehouseDb, asOf: WallClock, level: 1 | 2, within: UnitScope | undefined): Promise<FigureRow[]> {
	const column = sql.ref(LEVEL_COLUMN[level]);
	const day = asOf.slice(0, 10);
	const { rows } = await sql<FigureRow>`
		WITH change AS (
			SELECT ${column} AS unit_code, status, benefit, 1 AS sign FROM initiative_period
			WHERE from_at >= ${day}::DATE AND from_at <= ${asOf}::TIMESTAMP AND ${within ? periodScopeCondition(within) : sql`TRUE`}
			UNION ALL
			SELECT ${column}, status, benefit, -1 FROM initiative_period
			WHERE from_at <= ${asOf}::TIMESTAMP AND to_at >= ${day}::DATE AND to_at <= ${asOf}::TIMESTAMP AND ${within ? periodScopeCondition(within) : sql`TRUE`}
		),
		delta AS (
			SELECT unit_code, sum(sign) AS on_portal,
				coalesce(sum(sign) FILTER (WHERE status = 'under_review'), 0) AS under_review,
				coalesce(sum(sign) FILTER (WHERE status = 'valid'), 0) AS valid,
				coalesce(sum(sign) FILTER (WHERE status = 'invalid'), 0) AS invalid,
				coalesce(sum(sign * coalesce(benefit, 0)) FILTER (WHERE status = 'valid'), 0) AS benefit
			FROM change WHERE unit_code IS NOT NULL GROUP BY 1
		),
		base AS (
			SELECT unit_code, on_portal, under_review, valid, invalid, valid_benefit AS benefit FROM daily_series
			WHERE unit_level = ${level} AND day = ${day}::DATE - INTERVAL 1 DAY
				AND ${within?.column ? sql`unit_code IN (SELECT unit_code FROM unit WHERE ${withinCondition(within)})` : sql`TRUE`}
		)
		SELECT unit_code, (coalesce(b.on_portal, 0) + coalesce(d.on_portal, 0))::BIGINT AS on_portal,
			(coalesce(b.under_review, 0) + coalesce(d.under_review, 0))::BIGINT AS under_review,
			(coalesce(b.valid, 0) + coalesce(d.valid, 0))::BIGINT AS valid,
			(coalesce(b.invalid, 0) + coalesce(d.invalid, 0))::BIGINT AS invalid,
			(coalesce(b.benefit, 0) + coalesce(d.benefit, 0))::BIGINT AS benefit
		FROM base b FULL JOIN delta d USING (unit_code)`.execute(db);
	return rows;
}

/** Counts of one level's units as of T: unit_totals at the latest export, the daily series plus T's day for levels 1–2, else initiative_period. */
async function figuresOfLevel(db: WarehouseDb, stamp: Stamp, level: 1 | 2 | 3, within: UnitScope | undefined): Promise<FigureRow[]> {
	const column = LEVEL_COLUMN[level];
	if (stamp.asOf === stamp.latestExport) {
		const { rows } = await sql<FigureRow>`
			SELECT unit_code, on_portal, under_review, valid, invalid, valid_benefit AS benefit
			FROM unit_totals WHERE unit_level = ${level} AND as_of = ${stamp.asOf}::TIMESTAMP AND ${withinCondition(within)}`.execute(db);
		if (rows.length > 0) return rows;
	}
	// The series holds the end of every day from the first day to the latest export's day.
	if (level !== 3 && stamp.asOf.slice(0, 10) > FIRST_DAY && stamp.asOf <= stamp.latestExport) return figuresFromSeries(db, stamp.asOf, level, within);
	const { rows } = await sql<FigureRow>`
		SELECT ${sql.ref(column)} AS unit_code, count(*) AS on_portal,
			count(*) FILTER (WHERE status = 'under_review') AS under_review,
			count(*) FILTER (WHERE status = 'valid') AS valid,
			count(*) FILTER (WHERE status = 'invalid') AS invalid,
			coalesce(sum(benefit) FILTER (WHERE status = 'valid'), 0) AS benefit
		FROM initiative_period
		WHERE ${asOfCondition(stamp.asOf)} AND ${sql.ref(column)} IS NOT NULL AND ${within ? periodScopeCondition(within) : sql`TRUE`}
		GROUP BY 1`.execute(db);
	return rows;
}

/** The level of a selection's units when the selection says it: `level`, or the children's level (the nation's children are level 1). */
function selectedLevel(selection: UnitSelection): 1 | 2 | 3 | undefined {
	if (selection.level !== undefined) return selection.level;
	const parent = selection.childrenOf;
	if (!parent) return undefined;
	const level = parent.column ? parent.level + 1 : 1;
	return level === 1 || level === 2 || level === 3 ? level : undefined;
}

/** Figures as of T for every unit of a selection, including units with nothing on the portal (zeros). */
export async function unitFigures(db: WarehouseDb, stamp: Stamp, selection: UnitSelection): Promise<UnitFigure[]> {
	const within = selection.childrenOf?.column ? selection.childrenOf : selection.within;
	// The level asked (or the children's) is known before the units are: its counts are read beside them (the version's pool of connections).
	const known = selectedLevel(selection);
	const [units, knownRows] = await Promise.all([unitsAt(db, stamp.asOf, selection), known ? figuresOfLevel(db, stamp, known, within) : undefined]);
	const levels = [...new Set(units.map((u) => u.level))].filter((l): l is 1 | 2 | 3 => l === 1 || l === 2 || l === 3);
	const figures = new Map<string, FigureRow>();
	for (const level of levels) {
		for (const row of level === known && knownRows ? knownRows : await figuresOfLevel(db, stamp, level, within)) figures.set(row.unit_code, row);
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
