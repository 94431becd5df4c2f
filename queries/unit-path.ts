// A unit and its ancestors, nation first, for breadcrumbs (aggregates: names and levels only, every viewer).
import { NATION, resolveUnit, type WarehouseDb } from './query-context.ts';

export interface UnitPathItem {
	code: string;
	name: string;
	level: number;
}

/** The unit and its ancestors, nation first; unknown codes throw QueryInputError (unknown_unit). */
export async function unitPath(db: WarehouseDb, code: string): Promise<UnitPathItem[]> {
	const nation = { code: NATION, name: 'Toàn quốc', level: 0 };
	if (code === NATION) return [nation];
	const scope = await resolveUnit(db, code);
	const codes = [scope.level1Code, scope.upperCode, scope.code].filter((c): c is string => !!c);
	const rows = await db.selectFrom('unit').select(['unit_code', 'name', 'level']).where('unit_code', 'in', [...new Set(codes)]).execute();
	const path = rows.map((r) => ({ code: r.unit_code, name: r.name ?? r.unit_code, level: r.level ?? 0 })).sort((a, b) => a.level - b.level);
	return [nation, ...path];
}
