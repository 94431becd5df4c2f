// Builds the download Response of an export (a thin wrapper for SvelteKit +server.ts handlers): type, safe name, no sniffing.
import { contentDisposition } from './download-name.ts';

export type ExportKind = 'csv' | 'xlsx' | 'png' | 'svg';

export const EXPORT_CONTENT_TYPES: Record<ExportKind, string> = {
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	png: 'image/png',
	svg: 'image/svg+xml; charset=utf-8'
};

/** A Response that downloads `body` as `fileName` (ASCII, from downloadFileName), showing `displayName` where browsers allow. */
export function downloadResponse(
	body: Buffer | Uint8Array | string,
	kind: ExportKind,
	fileName: string,
	displayName?: string
): Response {
	const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
	return new Response(bytes as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': EXPORT_CONTENT_TYPES[kind],
			'content-length': String(bytes.byteLength),
			'content-disposition': contentDisposition(fileName, displayName),
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, no-store'
		}
	});
}
