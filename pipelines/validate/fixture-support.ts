// Test support: describes fixture files as landed files and builds the `unit` tree from staged_unit the way merge does (CONTRACTS.md columns).
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Database } from '../../warehouse/duckdb/database.ts';
import { requireExportFileName } from '../land/export-file-name.ts';
import type { LandedFile } from '../stage/landed-file.ts';
import { stageFile } from '../stage/stage-file.ts';
import { validateInitiativeFile } from './validate-initiatives.ts';
import { validateUnitFile } from './validate-units.ts';
import type { ValidatedFile } from './validated-file.ts';

/** A landed-file record for a file on disk, from its export file name. */
export function landedFixture(path: string): LandedFile {
	const name = basename(path);
	const parsed = requireExportFileName(name);
	const sha256 = createHash('sha256').update(readFileSync(path)).digest('hex');
	return { ...parsed, sha256, name, path, sizeBytes: statSync(path).size };
}

/** `unit` as merge builds it, from one validated units file (no history). */
export async function unitTreeFromStaged(db: Database, fileId: number): Promise<void> {
	await db.run(
		`CREATE OR REPLACE TABLE unit AS
		 SELECT unit_code, name, level, parent_code,
		   split_part(unit_code, '.', 1) AS level1_code,
		   CASE level WHEN 2 THEN unit_code WHEN 3 THEN parent_code END AS upper_code,
		   type AS kind, province_code, sector, members, target_assigned, target_registered, target_phase1
		 FROM staged_unit WHERE file_id = ${Number(fileId)}`
	);
}

/** Stages and validates the units file, builds the tree, then stages and validates each initiatives file (ids 1, 2, …). */
export async function loadFiles(db: Database, unitPath: string, initiativePaths: string[]): Promise<ValidatedFile[]> {
	const reports: ValidatedFile[] = [];
	const units = await stageFile(db, landedFixture(unitPath), 1);
	reports.push(await validateUnitFile(db, units));
	await unitTreeFromStaged(db, 1);
	let fileId = 2;
	for (const path of initiativePaths) {
		const staged = await stageFile(db, landedFixture(path), fileId++);
		reports.push(await validateInitiativeFile(db, staged));
	}
	return reports;
}
