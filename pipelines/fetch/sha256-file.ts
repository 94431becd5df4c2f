// sha256 of a file, streamed (files can be ~1 GB): the checksum every stage and the simulated portal agree on.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';

/** Lowercase hex sha256 of a file's bytes. */
export async function sha256File(path: string): Promise<string> {
	const hash = createHash('sha256');
	await pipeline(createReadStream(path), hash);
	return hash.digest('hex');
}
