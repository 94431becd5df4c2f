// Worker thread entry: writes its share of the export files from a population shared by the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import type { ExportFile } from './export-schedule.ts';
import { writeExportFiles, type ExportContext } from './export-files.ts';

const data = workerData as { context: ExportContext; files: ExportFile[] };
const result = await writeExportFiles(data.context, data.files);
parentPort!.postMessage(result);
