// What validation reports for one file: its status and counts (the same as its source_file row).
import type { FileCounts } from './file-accounting.ts';

export interface ValidatedFile extends FileCounts {
	fileId: number;
	fileName: string;
	status: 'loaded' | 'rejected';
}
