// Small name-key dimension tables validation joins on: level-1 unit spellings and province spellings, from the reference data and the unit tree.
import type { Database } from '../../warehouse/duckdb/database.ts';
import { level1NameKeys, type ReferenceData } from '../../warehouse/reference/reference-data.ts';
import { nameKey, provinceKey } from '../../warehouse/text/name-key.ts';
import { validationSql } from './sql-template.ts';

const FEDERATION_PREFIXES = ['Liên đoàn Lao động', 'LĐLĐ'];
const PROVINCE_WORDS = ['', 'tỉnh', 'thành phố', 'TP'];

/** Keys of every spelling of a level-1 unit: its name and variants, and "LĐLĐ [tỉnh|TP] <province spelling>" for federations. Keys shared by two units are dropped. */
export function level1KeyRows(data: ReferenceData): { key: string; code: string }[] {
	const rows = level1NameKeys(data);
	for (const province of data.provinces) {
		const code = `T${province.code}`;
		for (const spelling of [province.name, ...province.variants]) {
			for (const prefix of FEDERATION_PREFIXES) {
				for (const word of PROVINCE_WORDS) rows.push({ code, key: nameKey(`${prefix} ${word}`) + provinceKey(spelling) });
			}
		}
	}
	return uniqueKeys(rows);
}

/** Keys of every spelling of a province (provinceKey of its name and variants). */
export function provinceKeyRows(data: ReferenceData): { key: string; code: string }[] {
	return uniqueKeys(data.provinces.flatMap((p) => [p.name, ...p.variants].map((s) => ({ key: provinceKey(s), code: p.code }))));
}

function uniqueKeys(rows: { key: string; code: string }[]): { key: string; code: string }[] {
	const codes = new Map<string, Set<string>>();
	for (const { key, code } of rows) {
		if (!key) continue;
		const set = codes.get(key) ?? new Set<string>();
		set.add(code);
		codes.set(key, set);
	}
	return [...codes].filter(([, set]) => set.size === 1).map(([key, set]) => ({ key, code: [...set][0]! }));
}

async function createKeyTable(db: Database, table: string, rows: { key: string; code: string }[]): Promise<void> {
	await db.run(`CREATE OR REPLACE TEMP TABLE ${table} (key VARCHAR PRIMARY KEY, code VARCHAR NOT NULL)`);
	const appender = await db.connection.createAppender(table, 'main', 'temp');
	for (const row of rows) {
		appender.appendVarchar(row.key);
		appender.appendVarchar(row.code);
		appender.endRow();
	}
	appender.flushSync();
	appender.closeSync();
}

/** Temp table validate_level1_key(key, code): reference spellings plus the names level-1 units carry in the unit tree. */
export async function createLevel1KeyTable(db: Database, data: ReferenceData): Promise<void> {
	await createKeyTable(db, 'validate_level1_key', level1KeyRows(data));
	await db.run(
		`INSERT INTO validate_level1_key
		 SELECT key, min(code) FROM (SELECT name_key(name) AS key, unit_code AS code FROM unit WHERE level = 1)
		 WHERE key <> '' AND key NOT IN (SELECT key FROM validate_level1_key)
		 GROUP BY key HAVING count(DISTINCT code) = 1`
	);
}

/** Temp table validate_province_key(key, code). */
export async function createProvinceKeyTable(db: Database, data: ReferenceData): Promise<void> {
	await createKeyTable(db, 'validate_province_key', provinceKeyRows(data));
}

/** Fingerprint of the unit tree's matching columns: the unit keys are rebuilt only when it changes. */
const UNIT_STAMP_SQL = `SELECT count(*)::VARCHAR || ':' || coalesce(sum(hash(unit_code, name, level, upper_code, level1_code)), 0)::VARCHAR AS stamp FROM unit`;

/** Temp table validate_unit_key (grassroots name keys), built once per unit tree and connection. */
export async function ensureUnitKeyTable(db: Database): Promise<void> {
	const { stamp } = (await db.one<{ stamp: string }>(UNIT_STAMP_SQL))!;
	const built = await db.one<{ stamp: string }>(
		`SELECT stamp FROM validate_unit_key_stamp WHERE EXISTS (SELECT 1 FROM duckdb_tables() WHERE table_name = 'validate_unit_key')`
	).catch(() => undefined);
	if (built?.stamp === stamp) return;
	await db.run(validationSql('unit-keys'));
	await db.run(`CREATE OR REPLACE TEMP TABLE validate_unit_key_stamp AS SELECT $1::VARCHAR AS stamp`, [stamp]);
}
