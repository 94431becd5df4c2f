// Worker thread entry: writes the unit-tree exports it is sent first (while the main thread generates the population), then its share of the initiative exports.
import { parentPort } from 'node:worker_threads';
import type { ExportFile } from './export-schedule.ts';
import { writeExportFiles, writeUnitFiles, type ExportContext, type UnitContext, type WriteResult } from './export-files.ts';

/** Messages from the main thread, in this order: the tree and unit files, then the population and initiative files (last). */
export type WorkerTask = { kind: 'units'; context: UnitContext; files: ExportFile[] } | { kind: 'initiatives'; population: ExportContext['population']; files: ExportFile[] };

const port = parentPort!;
const done: WriteResult[] = [];
let context: UnitContext | undefined;
let queue = Promise.resolve();

async function run(task: WorkerTask): Promise<void> {
	if (task.kind === 'units') {
		context = task.context;
		done.push(writeUnitFiles(context, task.files));
		return;
	}
	if (!context) throw new Error('export worker: initiatives sent before the tree');
	done.push(await writeExportFiles({ ...context, population: task.population }, task.files));
	port.postMessage({ files: done.flatMap((r) => r.files), faults: done.flatMap((r) => r.faults) } satisfies WriteResult);
	// Nothing more will come: let the thread end once the result is sent.
	port.unref();
}

port.on('message', (task: WorkerTask) => {
	queue = queue.then(() => run(task));
	// An error ends the worker with it (the main thread rejects on 'error').
	queue.catch((error: unknown) => {
		throw error;
	});
});
