// Vietnamese text normalisation: NFC for storage, and the diacritic-free key used to match names and to search.

/** Unicode NFC with collapsed inner whitespace and trimmed ends: the form every stored text takes. */
export function normalizeText(value: string): string {
	return value.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Lower-case, diacritic-free form (đ → d) of a text, for searches that ignore diacritics. */
export function foldDiacritics(value: string): string {
	return value
		.normalize('NFD')
		.replace(/\p{M}+/gu, '')
		.replace(/đ/gu, 'd')
		.replace(/Đ/gu, 'D')
		.toLowerCase();
}

/**
 * Matching key of a name: diacritics folded, letters and digits only.
 * "Thanh Hoá", "THANH HÓA" and "thanh-hoa" share the key "thanhhoa".
 */
export function nameKey(value: string): string {
	return foldDiacritics(value.normalize('NFC')).replace(/[^a-z0-9]+/gu, '');
}

const ADMINISTRATIVE_PREFIXES = ['thanhpho', 'tinh', 'tp'];

/** Matching key of a province name: like nameKey, without a leading "Tỉnh", "Thành phố" or "TP". */
export function provinceKey(value: string): string {
	let key = nameKey(value);
	for (const prefix of ADMINISTRATIVE_PREFIXES) {
		if (key.startsWith(prefix) && key.length > prefix.length + 2) {
			key = key.slice(prefix.length);
			break;
		}
	}
	return key;
}
