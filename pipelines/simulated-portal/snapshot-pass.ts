// Writes many CSV snapshots of the initiatives in one pass over the ids: each run of initiatives is rendered to bytes once, then copied into every file that holds it.
import { join } from 'node:path';
import { csvStyle, type DirtInjector, type DirtyRow, type Fault } from './dirt.ts';
import { CLOSE_AT, FINAL_AT, type ExportFile } from './export-schedule.ts';
import { CsvWriter, type WrittenFile } from './export-writers.ts';
import { INITIATIVE_HEADERS, type InitiativeRenderer } from './initiative-rows.ts';
import { RowChunk, UNREVIEWED } from './row-chunk.ts';

/** Initiatives rendered at a time (a few MB of bytes). */
const RUN = 8192;
/** Each file's write buffer: large writes, modest memory with dozens of files open. */
const BUFFER = 2 * 1024 * 1024;

export interface SnapshotResult extends WrittenFile {
	rows: number;
	faults: Fault[];
}

interface OpenFile {
	file: ExportFile;
	writer: CsvWriter;
	faults: Fault[];
	/** Level-1 unit index of a unit's snapshot, −1 for the nation. */
	level1: number;
	/** Ids below end were submitted by the export time. */
	end: number;
	dirtKey: number;
	closing: boolean;
	stt: number;
	records: number;
}

/** Ids submitted at or before time at (the population is in submission order). */
export function submittedBy(submitted: Int32Array, at: number): number {
	let lo = 0;
	let hi = submitted.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (submitted[mid]! <= at) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** Writes CSV initiative files (not the rejected ones) and returns each one's checksum, rows and faults, by name. */
export function writeSnapshots(renderer: InitiativeRenderer, dirt: DirtInjector, dirty: number, outDir: string, files: readonly ExportFile[]): Map<string, SnapshotResult> {
	const p = renderer.population;
	const useDirt = dirty > 0;
	// The write buffers and the rendered rows share one ArrayBuffer, so a row is copied into a file with one copyWithin.
	const unreviewed = UNREVIEWED.length;
	const arenaBuffer = new ArrayBuffer(files.length * BUFFER + RUN * 512 + unreviewed);
	const arena = new Uint8Array(arenaBuffer);
	const unreviewedAt = arena.length - unreviewed;
	arena.set(UNREVIEWED, unreviewedAt);
	const open: OpenFile[] = files.map((file, k) => {
		const faults: Fault[] = [];
		const buffer = Buffer.from(arenaBuffer, k * BUFFER, BUFFER);
		const writer = new CsvWriter(join(outDir, file.name), { gzip: file.gzip, buffer, ...csvStyle(renderer.seed, dirty, file, faults) });
		writer.values(INITIATIVE_HEADERS);
		const level1 = file.scope === 'toan-quoc' ? -1 : renderer.tree.level1.findIndex((u) => u.code === file.scope);
		const closing = file.scope === 'toan-quoc' && (file.at === CLOSE_AT || file.at === FINAL_AT);
		return { file, writer, faults, level1, end: submittedBy(p.submitted, file.at), dirtKey: dirt.fileKey(file.name), closing, stt: 0, records: 0 };
	});
	const last = Math.max(0, ...open.map((f) => f.end));
	const chunk = new RowChunk(renderer, RUN, Buffer.from(arenaBuffer, files.length * BUFFER, RUN * 512));
	const { start, review, benefit } = chunk;
	for (let first = 0; first < last; first += RUN) {
		const stop = Math.min(last, first + RUN);
		chunk.fill(first, stop);
		const rows = chunk.bytes;
		// Rows rendered in the arena (unless the run outgrew its room) are copied within it, from base + offset.
		const base = rows.buffer === arenaBuffer ? rows.byteOffset : -1;
		for (const f of open) {
			const at = f.file.at;
			const writer = f.writer;
			const end = Math.min(stop, f.end);
			for (let i = first; i < end; i++) {
				if (p.withdrawnAt[i]! <= at || (f.level1 >= 0 && p.level1[i] !== f.level1)) continue;
				const stt = ++f.stt;
				if (useDirt && dirt.isDirtyKey(f.dirtKey, stt)) {
					record(f, dirt.apply(f.file.name, i, at, stt, f.closing));
					continue;
				}
				const k = i - first;
				const from = start[k]!;
				const to = start[k + 1]!;
				writer.reserve(to - from + unreviewed + 16);
				writer.intComma(stt);
				const reviewed = p.reviewedAt[i]! <= at;
				if (base >= 0) {
					if (reviewed) writer.copyInArena(arena, base + from, base + to);
					else {
						writer.copyInArena(arena, base + from, base + review[k]!);
						writer.copyInArena(arena, unreviewedAt, unreviewedAt + unreviewed);
						writer.copyInArena(arena, base + benefit[k]!, base + to);
					}
				} else if (reviewed) writer.copy(rows, from, to);
				else {
					writer.copy(rows, from, review[k]!);
					writer.copy(UNREVIEWED, 0, unreviewed);
					writer.copy(rows, benefit[k]!, to);
				}
				writer.endLine();
				f.records++;
			}
		}
	}
	return new Map(open.map((f) => [f.file.name, { ...f.writer.close(), rows: f.records, faults: f.faults }]));
}

/** Writes a dirty row (and its extra rows) and lists its faults at their row numbers. */
function record(f: OpenFile, dirty: DirtyRow): void {
	const base = 2 + f.records + (dirty.before ? 1 : 0);
	dirty.faults.forEach((fault, k) => f.faults.push({ file: f.file.name, row: base + dirty.rowOffsets[k]!, ...fault }));
	for (const values of [dirty.before, dirty.values, dirty.after]) {
		if (!values) continue;
		f.writer.values(values);
		f.records++;
	}
}
