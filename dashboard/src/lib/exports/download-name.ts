// Safe download file names from Vietnamese titles (ASCII slug) and the Content-Disposition header that keeps the Vietnamese name (RFC 6266/5987).
import { foldDiacritics } from '../../../../warehouse/text/name-key.ts';

const MAX_SLUG = 80;

/** "Thanh Hóa – Đợt 1/2022" → "thanh-hoa-dot-1-2022": diacritics folded (đ → d), only a–z, 0–9 and single dashes, at most 80 characters. */
export function slugify(text: string, maxLength = MAX_SLUG): string {
	const slug = foldDiacritics(text.normalize('NFC'))
		.replace(/[^a-z0-9]+/gu, '-')
		.replace(/^-+|-+$/gu, '');
	if (slug.length <= maxLength) return slug;
	const cut = slug.slice(0, maxLength);
	const lastDash = cut.lastIndexOf('-');
	return (lastDash > maxLength / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/u, '');
}

/** A file name from parts and an extension: ["Sáng kiến", "Thanh Hóa", "20/04/2022 08:00"], "csv" → "sang-kien_thanh-hoa_20-04-2022-08-00.csv". */
export function downloadFileName(parts: readonly string[], extension: string): string {
	const ext = slugify(extension, 8).replace(/-/gu, '') || 'bin';
	const slugs = parts.map((part) => slugify(part, 60)).filter(Boolean);
	let stem = slugs.join('_') || 'sang-kien';
	if (stem.length > 120) stem = stem.slice(0, 120).replace(/[-_]+$/u, '');
	return `${stem}.${ext}`;
}

/** RFC 5987 percent-encoding: UTF-8 bytes, leaving only attr-chars. */
function encodeRfc5987(value: string): string {
	return encodeURIComponent(value).replace(/['()*]/gu, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `attachment; filename="<ascii>"; filename*=UTF-8''<utf-8>`: browsers that know RFC 5987 save the Vietnamese
 * name (path separators, quotes and control characters removed), the others the ASCII one.
 */
export function contentDisposition(asciiName: string, displayName?: string): string {
	const ascii = asciiName.replace(/[^\x20-\x7e]|["\\/]/gu, '_');
	const display = (displayName ?? asciiName)
		.normalize('NFC')
		.replace(/[\p{Cc}/\\"]/gu, '_')
		.slice(0, 150);
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(display)}`;
}
