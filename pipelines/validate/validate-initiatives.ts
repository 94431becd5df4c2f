// Stage 4 for initiative files: set-based SQL types, resolves and checks every staged row, writes staged_initiative, quarantine, superseded_row and file_presence, and checks the file's accounting.
import type { Database } from '../../warehouse/duckdb/database.ts';
import { referenceData, type ReferenceData } from '../../warehouse/reference/reference-data.ts';
import { scopeUnit } from '../stage/stage-file.ts';
import type { StagedFile } from '../stage/staged-file.ts';
import { dropStaged } from './drop-staged.ts';
import { recordCounts, writtenCounts } from './file-accounting.ts';
import { createLevel1KeyTable, ensureUnitKeyTable } from './lookup-keys.ts';
import { rejectedReport } from './rejected-file.ts';
import { fillTemplate, validationSql } from './sql-template.ts';
import type { ValidatedFile } from './validated-file.ts';
import { installValidationMacros } from './validation-macros.ts';

const SCRATCH = ['vi_combo', 'vi_benefit', 'vi_bad', 'vi_problem', 'vi_id', 'vi_superseded', 'validate_level1_key'];

async function requireUnitTree(db: Database): Promise<void> {
	const found = await db.one(`SELECT 1 AS found FROM duckdb_tables() WHERE table_name = 'unit' AND schema_name = 'main'`);
	if (!found) throw new Error('validateInitiativeFile needs the merged unit tree (table unit): validate and merge a units file first');
}

/** Validates one staged initiatives file; returns its counts (rows_read = loaded + quarantined + superseded). */
export async function validateInitiativeFile(db: Database, staged: StagedFile, reference: ReferenceData = referenceData()): Promise<ValidatedFile> {
	if (staged.landed.dataset !== 'initiatives') throw new Error(`${staged.landed.name} is not an initiatives file`);
	if (staged.status === 'rejected' || staged.view === null) return rejectedReport(staged);
	await requireUnitTree(db);
	await installValidationMacros(db);
	await createLevel1KeyTable(db, reference);
	await ensureUnitKeyTable(db);
	const values = {
		rows: { identifier: staged.view },
		file_id: { integer: staged.fileId },
		file_name: { text: staged.landed.name },
		exported_at: { timestamp: staged.landed.exportedAt },
		scope_unit: { text: scopeUnit(staged.landed) }
	};
	await db.run(validationSql('initiative-problems'));
	await db.run(fillTemplate(validationSql('initiative-units'), values));
	await db.run(fillTemplate(validationSql('initiative-rows'), values));
	const rowsStaged = staged.rowsRead - staged.rowsMalformed;
	const loadedRows = (await db.one<{ n: number }>(`SELECT count(*) AS n FROM staged_initiative WHERE file_id = $1`, [staged.fileId]))!.n;
	const everyRowLoaded = Number(loadedRows) === rowsStaged;
	await db.run(fillTemplate(validationSql(everyRowLoaded ? 'initiative-no-problem-rows' : 'initiative-problem-rows'), values));
	await db.run(fillTemplate(validationSql('initiative-load'), values));
	const report: ValidatedFile = {
		fileId: staged.fileId,
		fileName: staged.landed.name,
		status: 'loaded',
		rowsRead: staged.rowsRead,
		...(await writtenCounts(db, staged.fileId, 'staged_initiative'))
	};
	await recordCounts(db, staged.fileId, staged.landed.name, report);
	await db.run('DROP VIEW IF EXISTS vi_typed');
	await dropStaged(db, staged.fileId, SCRATCH);
	return report;
}
