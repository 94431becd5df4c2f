// The simulated portal's catalogue: every contract-named export in a directory, with size and sha256 (from manifest.json, else hashed once).
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256File } from '../fetch/sha256-file.ts';
import { parseExportFileName, type ExportFileName } from '../land/export-file-name.ts';

export interface PortalEntry extends ExportFileName {
	name: string;
	path: string;
	size: number;
	sha256: string;
}

export interface PortalCatalogue {
	entries: PortalEntry[];
	/** Files in the directory that are not exports (manifest.json, stray files), with the reason. */
	ignored: { name: string; reason: string }[];
}

/** name → sha256 from `<dir>/manifest.json` (`files: [{name, sha256}]`); empty when absent. */
export async function readManifestChecksums(dir: string): Promise<Map<string, string>> {
	let text: string;
	try {
		text = await readFile(join(dir, 'manifest.json'), 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
		throw error;
	}
	const manifest = JSON.parse(text) as { files?: { name?: unknown; sha256?: unknown }[] };
	const checksums = new Map<string, string>();
	for (const file of manifest.files ?? []) {
		if (typeof file.name === 'string' && typeof file.sha256 === 'string' && /^[0-9a-f]{64}$/u.test(file.sha256)) {
			checksums.set(file.name, file.sha256);
		}
	}
	return checksums;
}

/** Scans a directory once: exports sorted by export time then name. */
export async function loadCatalogue(dir: string): Promise<PortalCatalogue> {
	const checksums = await readManifestChecksums(dir);
	const entries: PortalEntry[] = [];
	const ignored: PortalCatalogue['ignored'] = [];
	for (const dirent of await readdir(dir, { withFileTypes: true })) {
		if (!dirent.isFile()) continue;
		const parsed = parseExportFileName(dirent.name);
		if (!parsed.ok) {
			ignored.push({ name: dirent.name, reason: parsed.message });
			continue;
		}
		const path = join(dir, dirent.name);
		const size = (await stat(path)).size;
		const sha256 = checksums.get(dirent.name) ?? (await sha256File(path));
		entries.push({ ...parsed.file, name: dirent.name, path, size, sha256 });
	}
	entries.sort((a, b) => a.exportedAt.localeCompare(b.exportedAt) || a.name.localeCompare(b.name));
	return { entries, ignored };
}
