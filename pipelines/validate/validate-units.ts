// Stage 4 for unit files: set-based SQL types and checks every staged row, writes staged_unit, quarantine and superseded_row, and checks the file's accounting.
import type { Database } from '../../warehouse/duckdb/database.ts';
import { referenceData, type ReferenceData } from '../../warehouse/reference/reference-data.ts';
import type { StagedFile } from '../stage/staged-file.ts';
import { dropStaged } from './drop-staged.ts';
import { recordCounts, writtenCounts } from './file-accounting.ts';
import { createProvinceKeyTable } from './lookup-keys.ts';
import { rejectedReport } from './rejected-file.ts';
import { fillTemplate, validationSql } from './sql-template.ts';
import type { ValidatedFile } from './validated-file.ts';
import { installValidationMacros } from './validation-macros.ts';

const SCRATCH = ['vu_row', 'vu_superseded', 'validate_province_key'];

/** Validates one staged units file; returns its counts (rows_read = loaded + quarantined + superseded). */
export async function validateUnitFile(db: Database, staged: StagedFile, reference: ReferenceData = referenceData()): Promise<ValidatedFile> {
	if (staged.landed.dataset !== 'units') throw new Error(`${staged.landed.name} is not a units file`);
	if (staged.status === 'rejected' || staged.view === null) return rejectedReport(staged);
	await installValidationMacros(db);
	await createProvinceKeyTable(db, reference);
	const values = {
		rows: { identifier: staged.view },
		file_id: { integer: staged.fileId },
		file_name: { text: staged.landed.name }
	};
	for (const model of ['unit-rows', 'unit-load']) await db.run(fillTemplate(validationSql(model), values));
	const report: ValidatedFile = {
		fileId: staged.fileId,
		fileName: staged.landed.name,
		status: 'loaded',
		rowsRead: staged.rowsRead,
		...(await writtenCounts(db, staged.fileId, 'staged_unit'))
	};
	await recordCounts(db, staged.fileId, staged.landed.name, report);
	await dropStaged(db, staged.fileId, SCRATCH);
	return report;
}
