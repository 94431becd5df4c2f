// Test helper: writes a small directory of contract-named exports (and optionally a manifest) to a temp folder.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const TEST_EXPORTS: Record<string, string> = {
	'don-vi_20220108-0000.csv': 'Mã đơn vị,Tên đơn vị\nT38,LĐLĐ tỉnh Thanh Hóa\n',
	'sang-kien_toan-quoc_20220326-0800.csv': 'STT,Mã sáng kiến\n1,SK-2203-0000001\n',
	'sang-kien_T38_20220420-0800.json': '[{"Mã sáng kiến":"SK-2204-0163532"}]',
	'sang-kien_toan-quoc_20220531-1700.csv': `STT,Mã sáng kiến\n${'1,SK-2205-0600000\n'.repeat(2000)}`
};

export function sha256Of(content: string): string {
	return createHash('sha256').update(content).digest('hex');
}

/** Creates `<tmp>/exports` with TEST_EXPORTS, a stray file, and `<tmp>/secret.txt` beside it; returns the tmp root. */
export async function writeTestExports(options: { manifest?: boolean } = {}): Promise<{ root: string; dir: string }> {
	const root = await mkdtemp(join(tmpdir(), 'sang-kien-portal-'));
	const dir = join(root, 'exports');
	await mkdir(dir);
	for (const [name, content] of Object.entries(TEST_EXPORTS)) await writeFile(join(dir, name), content);
	await writeFile(join(dir, 'notes.txt'), 'not an export');
	await writeFile(join(root, 'secret.txt'), 'outside the export folder');
	if (options.manifest) {
		const files = Object.entries(TEST_EXPORTS).map(([name, content]) => ({ name, sha256: sha256Of(content), rows: 1 }));
		await writeFile(join(dir, 'manifest.json'), JSON.stringify({ seed: 1, files }));
	}
	return { root, dir };
}
