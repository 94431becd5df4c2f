// A unit and its ancestors, nation first, for breadcrumbs (aggregates: names and levels only, every viewer).
import { NATION, resolveUnit, type WarehouseDb } from './query-context.ts';

export interface UnitPathItem {
	code: string;
	name: string;
	level: number;
}

/**
 * The unit and its ancestors, nation first; unknown codes throw QueryInputError (unknown_unit). Each is looked up as
 * resolveUnit looks units up: once per version's handle.
 */
export async function unitPath(db: WarehouseDb, code: string): Promise<UnitPathItem[]> {
	const nation = { code: NATION, name: 'Toàn quốc', level: 0 };
	if (code === NATION) return [nation];
	const scope = await resolveUnit(db, code);
	const codes = [...new Set([scope.level1Code, scope.upperCode, scope.code].filter((c): c is string => !!c))];
	// An ancestor missing from the unit tree is left out of the path.
	const units = await Promise.all(codes.map((c) => (c === scope.code ? scope : resolveUnit(db, c).catch(() => null))));
	const path = units
		.filter((unit) => unit !== null)
		.map((unit) => ({ code: unit.code, name: unit.name, level: unit.level }))
		.sort((a, b) => a.level - b.level);
	return [nation, ...path];
}
