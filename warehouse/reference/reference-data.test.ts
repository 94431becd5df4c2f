// Checks the reviewed reference files against the facts of ../shared/domain.md.
import { describe, expect, it } from 'vitest';
import { nameKey, provinceKey } from '../text/name-key.ts';
import { loadReferenceData, provinceMatcher } from './reference-data.ts';

const data = loadReferenceData();

describe('reference data', () => {
	it('has 63 provinces in the six regions with the official sizes', () => {
		const sizes = Object.fromEntries(
			data.regions.map((r) => [r.code, data.provinces.filter((p) => p.region === r.code).length])
		);
		expect(sizes).toEqual({ TDMN: 14, DBSH: 11, BTB: 14, TN: 5, DNB: 6, DBSCL: 13 });
	});

	it('maps the 63 provinces onto the 34 of 2025: 11 unchanged, 52 merged into 23', () => {
		const unchanged = data.map2025.filter((m) => m.old.length === 1);
		const merged = data.map2025.filter((m) => m.old.length > 1);
		expect(unchanged).toHaveLength(11);
		expect(merged).toHaveLength(23);
		expect(merged.reduce((sum, m) => sum + m.old.length, 0)).toBe(52);
		const hcm = data.map2025.find((m) => m.code === '79')!;
		expect(hcm.old.sort()).toEqual(['74', '77', '79']);
	});

	it('has about 83 level-1 units, each in exactly one emulation cluster', () => {
		expect(data.level1Units.filter((u) => u.kind === 'provincial')).toHaveLength(63);
		expect(data.level1Units.length).toBeGreaterThanOrEqual(80);
		const clustered = data.clusters.flatMap((c) => c.members);
		expect(new Set(clustered).size).toBe(data.level1Units.length);
	});

	it('puts the seed articles\' named units in their clusters', () => {
		const members = (code: string) => data.clusters.find((c) => c.code === code)!.members;
		expect(members('TDMN').sort()).toEqual(['T06', 'T08', 'T10', 'T15', 'T17', 'T19', 'T20', 'T25', 'T26']);
		expect(members('DBSH')).toEqual(expect.arrayContaining(['T31', 'T24', 'T35', 'T34']));
		expect(members('DNB')).toContain('N04');
	});

	it('names federations canonically', () => {
		const byCode = new Map(data.level1Units.map((u) => [u.code, u]));
		expect(byCode.get('T38')!.name).toBe('Liên đoàn Lao động tỉnh Thanh Hóa');
		expect(byCode.get('T79')!.name).toBe('Liên đoàn Lao động thành phố Hồ Chí Minh');
		expect(byCode.get('T01')!.name).toBe('Liên đoàn Lao động thành phố Hà Nội');
	});

	it('matches the province spellings seen in exports', () => {
		const match = provinceMatcher(data);
		for (const spelling of ['TP. Hồ Chí Minh', 'Thành phố Hồ Chí Minh', 'TPHCM', 'Tp HCM']) {
			expect(match(spelling)).toBe('79');
		}
		expect(match('Thừa Thiên - Huế')).toBe('46');
		expect(match('BR-VT')).toBe('77');
		expect(match('Bà Rịa - Vũng Tàu')).toBe('77');
		expect(match('Tỉnh Thanh Hoá')).toBe('38');
		expect(match('THANH HÓA')).toBe('38');
		expect(match('Hoà Bình'.normalize('NFD'))).toBe('17');
		expect(match('Atlantis')).toBeUndefined();
	});

	it('folds diacritics and prefixes into matching keys', () => {
		expect(nameKey('Liên đoàn Lao động Thanh Hoá')).toBe(nameKey('LIÊN ĐOÀN LAO ĐỘNG THANH HÓA'));
		expect(provinceKey('Tỉnh Đắk Lắk')).toBe('daklak');
		expect(provinceKey('Tiền Giang')).toBe('tiengiang');
	});
});
