// The report of a file staging rejected whole: all its rows count as quarantined.
import type { StagedFile } from '../stage/staged-file.ts';
import type { ValidatedFile } from './validated-file.ts';

export function rejectedReport(staged: StagedFile): ValidatedFile {
	return {
		fileId: staged.fileId,
		fileName: staged.landed.name,
		status: 'rejected',
		rowsRead: staged.rowsRead,
		rowsLoaded: 0,
		rowsQuarantined: staged.rowsRead,
		rowsSuperseded: 0
	};
}
