// The demo portal's bearer token: the configured one, else the one kept in var/demo/portal-token, else a new random one written there (0600).
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Returns the token to use, creating the token file when neither the config nor the file has one. */
export async function demoPortalToken(configured: string, tokenFile: string): Promise<string> {
	if (configured) return configured;
	const kept = (await readFile(tokenFile, 'utf8').catch(() => '')).trim();
	if (kept) return kept;
	const token = randomBytes(24).toString('base64url');
	await mkdir(dirname(tokenFile), { recursive: true });
	const temporary = `${tokenFile}.tmp-${process.pid}`;
	await writeFile(temporary, `${token}\n`, { mode: 0o600 });
	await rename(temporary, tokenFile);
	return token;
}
