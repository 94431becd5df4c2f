// The calibration test's own reader: loads the national CSV snapshots and a unit tree into DuckDB and applies the contract's definitions.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Database } from '../../warehouse/duckdb/database.ts';

const TIME_FORMATS = "['%d/%m/%Y %H:%M', '%Y-%m-%dT%H:%M:%S', '%d/%m/%Y']";

/** SQL turning a benefit text of any accepted form into VND, null when blank or unparseable. */
const BENEFIT_SQL = `CASE
	WHEN b IS NULL OR trim(b) = '' THEN NULL
	WHEN regexp_matches(b, '^[0-9]+$') THEN b::DOUBLE
	WHEN regexp_matches(b, '^[0-9]{1,3}(\\.[0-9]{3})+$') THEN replace(b, '.', '')::DOUBLE
	WHEN regexp_matches(b, '^[0-9]+(,[0-9]+)? tỷ( đồng)?$') THEN round(replace(regexp_extract(b, '^([0-9,]+)', 1), ',', '.')::DOUBLE * 1e9)
	WHEN regexp_matches(b, '^[0-9]+(,[0-9]+)? triệu( đồng)?$') THEN round(replace(regexp_extract(b, '^([0-9,]+)', 1), ',', '.')::DOUBLE * 1e6)
	ELSE NULL END`;

/** A national snapshot's export time from its name, as "YYYY-MM-DD HH:MM:00". */
function snapshotTime(name: string): string {
	const m = /_(\d{4})(\d\d)(\d\d)-(\d\d)(\d\d)\.csv$/u.exec(name)!;
	return `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:00`;
}

/**
 * The national snapshots that decide who was on the portal at each time asked: the snapshot at that time, else the
 * last one before it and the first one after it (initiatives are withdrawn only at snapshot times, after being seen in
 * the snapshot before), plus the latest snapshot (the final status, review time and benefit of everything on it).
 */
export function snapshotsFor(names: readonly string[], times: readonly string[]): string[] {
	const national = names.filter((f) => /^sang-kien_toan-quoc_\d{8}-\d{4}\.csv$/u.test(f)).sort();
	const at = national.map(snapshotTime);
	const chosen = new Set<string>([national[national.length - 1]!]);
	for (const t of times) {
		const exact = at.indexOf(t);
		if (exact >= 0) chosen.add(national[exact]!);
		else {
			const after = at.findIndex((s) => s > t);
			if (after > 0) chosen.add(national[after - 1]!);
			if (after >= 0) chosen.add(national[after]!);
			else chosen.add(national[national.length - 1]!);
		}
	}
	return [...chosen].sort();
}

/**
 * Builds table `initiative` (one row per id: level1, upper, grassroots, submitted, withdrawn_at, status, reviewed_at,
 * benefit, phone) from the national snapshots needed for the given times ("YYYY-MM-DD HH:MM:SS"), reading only the
 * columns used, and table `unit` from the given don-vi CSV file. Each id takes its latest row (latest file, then latest
 * status time: the contract's duplicate rule) for status, review time, benefit and phone, and its latest row that passes
 * the contract's checks for the submission time and the grassroots union, so a quarantined row never decides them.
 */
export async function loadCalibrationDatabase(dir: string, unitFile: string, times: readonly string[]): Promise<Database> {
	const db = await Database.open(':memory:');
	const national = snapshotsFor(readdirSync(dir), times);
	const list = national.map((f) => `'${join(dir, f)}'`).join(', ');
	await db.run(`CREATE TABLE unit AS SELECT "Mã đơn vị" AS code, nfc_normalize("Tên đơn vị") AS name, "Cấp"::INTEGER AS level, "Mã đơn vị cấp trên" AS parent,
		"Chỉ tiêu giao"::INTEGER AS assigned, try_cast("Chỉ tiêu đăng ký" AS INTEGER) AS registered
		FROM read_csv('${join(dir, unitFile)}', all_varchar = true, header = true, delim = ',', quote = '"', escape = '"')`);
	await db.run(`CREATE TABLE raw AS SELECT file_at, id, code, code IN (SELECT code FROM unit WHERE level = 3) AS known_code, gname, l1name,
			CASE WHEN submitted >= TIMESTAMP '2022-01-08 00:00:00' AND submitted < TIMESTAMP '2023-09-01 00:00:00' AND submitted <= file_at THEN submitted END AS submitted,
			status_text, reviewed_at, b, phone
		FROM (SELECT strptime(regexp_extract(filename, '_([0-9]{8}-[0-9]{4})\\.csv$', 1), '%Y%m%d-%H%M') AS file_at,
			"Mã sáng kiến" AS id, "Mã CĐCS" AS code, "Công đoàn cơ sở" AS gname, "Đơn vị trực thuộc Tổng Liên đoàn" AS l1name,
			try_strptime("Ngày cập nhật", ${TIME_FORMATS}) AS submitted, "Trạng thái" AS status_text,
			try_strptime("Ngày duyệt", ${TIME_FORMATS}) AS reviewed_at, "Giá trị làm lợi (đồng/năm)" AS b, "Điện thoại" AS phone
		FROM read_csv([${list}], all_varchar = true, header = true, filename = true, delim = ',', quote = '"', escape = '"', union_by_name = true)
		WHERE coalesce("Mã sáng kiến", '') <> '')`);
	await db.run(`CREATE TABLE snapshot_file AS SELECT DISTINCT file_at AS exported_at FROM raw`);
	await db.run(`CREATE TABLE initiative AS
		WITH latest AS (
			SELECT id, max(file_at) AS last_seen, arg_max(struct_pack(status_text, reviewed_at, b, phone), (file_at, coalesce(reviewed_at, submitted))) AS r,
				arg_max(submitted, file_at) FILTER (WHERE submitted IS NOT NULL) AS submitted,
				arg_max(code, file_at) FILTER (WHERE known_code) AS code,
				arg_max(struct_pack(gname, l1name), file_at) AS named
			FROM raw GROUP BY id
		)
		SELECT id, last_seen, (SELECT min(f.exported_at) FROM snapshot_file f WHERE f.exported_at > latest.last_seen) AS withdrawn_at,
			code, named.gname AS gname, named.l1name AS l1name, submitted,
			CASE WHEN r.status_text = 'Hợp lệ' THEN 'valid' WHEN r.status_text = 'Không hợp lệ' THEN 'invalid' ELSE 'under_review' END AS status,
			r.reviewed_at AS reviewed_at, (SELECT ${BENEFIT_SQL} FROM (SELECT r.b AS b)) AS benefit,
			regexp_replace(coalesce(r.phone, ''), '[^0-9]', '', 'g') AS phone
		FROM latest`);
	// Resolve the grassroots union: its code when a row had one of the tree, else its name within the level-1 unit.
	await db.run(`CREATE TABLE level1_name AS SELECT code, name FROM unit WHERE level = 1`);
	await db.run(`ALTER TABLE initiative ADD COLUMN grassroots VARCHAR`);
	await db.run(`UPDATE initiative SET grassroots = code WHERE code IS NOT NULL`);
	await db.run(`UPDATE initiative i SET grassroots = u.code FROM unit u, level1_name l
		WHERE i.grassroots IS NULL AND u.level = 3 AND u.name = nfc_normalize(i.gname) AND l.name = i.l1name AND split_part(u.code, '.', 1) = l.code`);
	await db.run(`ALTER TABLE initiative ADD COLUMN level1 VARCHAR; ALTER TABLE initiative ADD COLUMN upper VARCHAR;
		UPDATE initiative SET level1 = split_part(grassroots, '.', 1), upper = split_part(grassroots, '.', 1) || '.' || split_part(grassroots, '.', 2)`);
	await db.run('DROP TABLE raw');
	return db;
}

/** On-portal condition at a time (SQL fragment over table initiative). */
export function onPortal(at: string): string {
	return `(submitted <= TIMESTAMP '${at}' AND (withdrawn_at IS NULL OR withdrawn_at > TIMESTAMP '${at}'))`;
}

/** Valid-at condition (status time ≤ at) for initiatives on the portal. */
export function validAt(at: string): string {
	return `(${onPortal(at)} AND status = 'valid' AND reviewed_at <= TIMESTAMP '${at}')`;
}
