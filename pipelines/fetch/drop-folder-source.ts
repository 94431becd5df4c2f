// Fetches from a drop folder: every contract-named file is hashed (streamed) and handed on unless already landed; other names are reported.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseExportFileName } from '../land/export-file-name.ts';
import { landedNames } from '../land/land-files.ts';
import { emptyResult, type FetchResult } from './fetch-result.ts';
import { sha256File } from './sha256-file.ts';

/** Lists a drop folder (not recursive) and returns its export files. */
export async function fetchDropFolder(folder: string, warehouseDir: string): Promise<FetchResult> {
	const result = emptyResult();
	let entries;
	try {
		entries = await readdir(folder, { withFileTypes: true });
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code ?? 'error';
		result.failures.push({ name: null, source: folder, reason: `cannot read drop folder (${code})` });
		result.ok = false;
		return result;
	}
	for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
		if (!entry.isFile()) continue;
		const parsed = parseExportFileName(entry.name);
		if (!parsed.ok) {
			result.ignored.push({ name: entry.name, source: folder, reason: parsed.message });
			continue;
		}
		const path = join(folder, entry.name);
		const sizeBytes = (await stat(path)).size;
		const sha256 = await sha256File(path);
		if ((await landedNames(warehouseDir, sha256)).includes(entry.name)) {
			result.skipped.push({ name: entry.name, sha256, source: folder });
		} else {
			result.files.push({ path, name: entry.name, sha256, sizeBytes, source: folder });
		}
	}
	return result;
}
