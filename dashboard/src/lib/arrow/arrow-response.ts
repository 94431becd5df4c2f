// Builds the HTTP Response of an Arrow endpoint (a thin wrapper for SvelteKit +server.ts handlers).
import type { ArrowColumnType, PlainRow } from './arrow-columns.ts';
import { encodeArrowStream } from './arrow-encode.ts';

export const ARROW_STREAM_TYPE = 'application/vnd.apache.arrow.stream';

/** A Response carrying the rows as an Arrow IPC stream; the warehouse version, when given, travels in X-Warehouse-Version. */
export function arrowResponse(
	rows: readonly PlainRow[],
	options: { types?: Partial<Record<string, ArrowColumnType>>; version?: string; headers?: Record<string, string> } = {}
): Response {
	const body = encodeArrowStream(rows, options.types);
	const headers: Record<string, string> = {
		'content-type': ARROW_STREAM_TYPE,
		'content-length': String(body.byteLength),
		'cache-control': 'private, max-age=0, must-revalidate',
		...options.headers
	};
	if (options.version) headers['x-warehouse-version'] = options.version;
	return new Response(body as Uint8Array<ArrayBuffer>, { headers });
}
