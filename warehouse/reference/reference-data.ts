// The project's reviewed reference data (provinces, regions, 2025 map, clusters, level-1 units), loaded and checked.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nameKey, provinceKey } from '../text/name-key.ts';
import { parseReferenceFile } from './csv-records.ts';

export type Level1Kind = 'provincial' | 'sectoral' | 'corporation';

export interface Region {
	code: string;
	name: string;
	nameEn: string;
}

export interface Province {
	/** GSO code, two digits, pre-2025 map. */
	code: string;
	/** Canonical short name, e.g. "Thanh Hóa". */
	name: string;
	/** "tỉnh" or "thành phố". */
	kind: 'tỉnh' | 'thành phố';
	region: string;
	/** Code of the 2025-map province that now covers it. */
	map2025: string;
	/** Spellings seen in exports beyond the regular ones (see provinceKey). */
	variants: string[];
}

export interface Map2025Province {
	code: string;
	name: string;
	kind: 'tỉnh' | 'thành phố';
	/** Pre-2025 province codes it covers. */
	old: string[];
}

export interface Cluster {
	code: string;
	name: string;
	/** Level-1 unit codes. */
	members: string[];
}

export interface Level1Unit {
	/** "T38" (provincial federation, by GSO code), "N03" (sectoral union), "C01" (corporation union). */
	code: string;
	/** Canonical name, e.g. "Liên đoàn Lao động tỉnh Thanh Hóa". */
	name: string;
	/** Short name used in tables, e.g. "Thanh Hóa" or "Công đoàn Dệt May Việt Nam". */
	shortName: string;
	kind: Level1Kind;
	/** Province where the unit sits (its own province for a federation). */
	province: string;
	/** Region of a provincial federation; null for central unions. */
	region: string | null;
	/** 2025-map province of a provincial federation; null for central unions. */
	map2025: string | null;
	cluster: string;
	variants: string[];
}

export interface ReferenceData {
	sources: Record<string, string>;
	regions: Region[];
	provinces: Province[];
	map2025: Map2025Province[];
	clusters: Cluster[];
	level1Units: Level1Unit[];
}

export const LEVEL1_KIND_LABELS: Record<Level1Kind, string> = {
	provincial: 'LĐLĐ tỉnh, thành phố',
	sectoral: 'Công đoàn ngành Trung ương',
	corporation: 'Công đoàn Tập đoàn, Tổng công ty'
};

/** Beside this module, or warehouse/reference under the working directory once bundled (the dashboard's build/). */
const besideModule = fileURLToPath(new URL('.', import.meta.url));
const referenceDirectory = existsSync(`${besideModule}/regions.csv`) ? besideModule : `${process.cwd()}/warehouse/reference`;

function readReference(fileName: string) {
	return parseReferenceFile(readFileSync(`${referenceDirectory}/${fileName}`, 'utf8'), fileName);
}

function list(value: string | undefined): string[] {
	return value ? value.split('|').map((item) => item.trim()).filter(Boolean) : [];
}

function federationName(province: Province): string {
	return `Liên đoàn Lao động ${province.kind} ${province.name.replace(/^TP /u, '')}`;
}

/** Loads and cross-checks every reference file; throws naming the file and the inconsistency. */
export function loadReferenceData(): ReferenceData {
	const files = {
		regions: readReference('regions.csv'),
		provinces: readReference('provinces.csv'),
		map2025: readReference('map-2025.csv'),
		clusters: readReference('clusters.csv'),
		level1: readReference('level1-units.csv')
	};
	const regions: Region[] = files.regions.records.map((r) => ({
		code: r.code!,
		name: r.name!,
		nameEn: r.name_en!
	}));
	const provinces: Province[] = files.provinces.records.map((r) => ({
		code: r.code!,
		name: r.name!,
		kind: r.kind as Province['kind'],
		region: r.region!,
		map2025: r.map2025!,
		variants: list(r.variants)
	}));
	const map2025: Map2025Province[] = files.map2025.records.map((r) => ({
		code: r.code!,
		name: r.name!,
		kind: r.kind as Map2025Province['kind'],
		old: list(r.old)
	}));
	const clusters: Cluster[] = files.clusters.records.map((r) => ({
		code: r.code!,
		name: r.name!,
		members: list(r.members)
	}));
	const clusterOf = new Map(clusters.flatMap((c) => c.members.map((m) => [m, c.code] as const)));
	const federations: Level1Unit[] = provinces.map((p) => ({
		code: `T${p.code}`,
		name: federationName(p),
		shortName: p.name,
		kind: 'provincial',
		province: p.code,
		region: p.region,
		map2025: p.map2025,
		cluster: clusterOf.get(`T${p.code}`) ?? '',
		variants: []
	}));
	const centralUnits: Level1Unit[] = files.level1.records.map((r) => ({
		code: r.code!,
		name: r.name!,
		shortName: r.name!,
		kind: r.kind as Level1Kind,
		province: r.province!,
		region: null,
		map2025: null,
		cluster: clusterOf.get(r.code!) ?? '',
		variants: list(r.variants)
	}));
	const data: ReferenceData = {
		sources: Object.fromEntries(Object.entries(files).map(([name, file]) => [name, file.source])),
		regions,
		provinces,
		map2025,
		clusters,
		level1Units: [...federations, ...centralUnits]
	};
	checkReferenceData(data);
	return data;
}

/** The consistency rules the reference files must keep (run at load, and by the tests). */
export function checkReferenceData(data: ReferenceData): void {
	const fail = (message: string): never => {
		throw new Error(`reference data: ${message}`);
	};
	if (data.provinces.length !== 63) fail(`provinces.csv lists ${data.provinces.length} provinces, expected 63`);
	if (data.regions.length !== 6) fail(`regions.csv lists ${data.regions.length} regions, expected 6`);
	if (data.map2025.length !== 34) fail(`map-2025.csv lists ${data.map2025.length} provinces, expected 34`);
	const regionCodes = new Set(data.regions.map((r) => r.code));
	const provinceCodes = new Set(data.provinces.map((p) => p.code));
	for (const p of data.provinces) {
		if (!regionCodes.has(p.region)) fail(`province ${p.code} has unknown region ${p.region}`);
		const covering = data.map2025.filter((m) => m.old.includes(p.code));
		if (covering.length !== 1) fail(`province ${p.code} is covered by ${covering.length} 2025-map provinces`);
		if (covering[0]!.code !== p.map2025) fail(`province ${p.code}: map2025 column disagrees with map-2025.csv`);
	}
	for (const m of data.map2025) {
		for (const old of m.old) if (!provinceCodes.has(old)) fail(`map-2025 ${m.code} covers unknown ${old}`);
	}
	const unitCodes = new Set(data.level1Units.map((u) => u.code));
	if (unitCodes.size !== data.level1Units.length) fail('duplicate level-1 unit codes');
	for (const u of data.level1Units) {
		if (!u.cluster) fail(`level-1 unit ${u.code} belongs to no cluster`);
		if (!provinceCodes.has(u.province)) fail(`level-1 unit ${u.code} sits in unknown province ${u.province}`);
	}
	const seen = new Set<string>();
	for (const c of data.clusters) {
		for (const member of c.members) {
			if (!unitCodes.has(member)) fail(`cluster ${c.code} lists unknown unit ${member}`);
			if (seen.has(member)) fail(`unit ${member} is in more than one cluster`);
			seen.add(member);
		}
	}
	const keys = new Map<string, string>();
	for (const p of data.provinces) {
		for (const spelling of [p.name, ...p.variants]) {
			const key = provinceKey(spelling);
			const other = keys.get(key);
			if (other && other !== p.code) fail(`spelling "${spelling}" matches provinces ${other} and ${p.code}`);
			keys.set(key, p.code);
		}
	}
}

/** Province code by any spelling seen in exports ("TPHCM", "Tỉnh Thanh Hoá", "BR-VT"), or undefined. */
export function provinceMatcher(data: ReferenceData): (spelling: string) => string | undefined {
	const byKey = new Map<string, string>();
	for (const p of data.provinces) {
		for (const spelling of [p.name, ...p.variants]) byKey.set(provinceKey(spelling), p.code);
	}
	return (spelling) => byKey.get(provinceKey(spelling));
}

/** Every matching key of each level-1 unit's name and variants, for the pipelines' name resolution. */
export function level1NameKeys(data: ReferenceData): { code: string; key: string }[] {
	const rows: { code: string; key: string }[] = [];
	for (const unit of data.level1Units) {
		for (const spelling of [unit.name, ...unit.variants]) rows.push({ code: unit.code, key: nameKey(spelling) });
	}
	return rows;
}

let cached: ReferenceData | undefined;

/** The reference data, loaded once per process. */
export function referenceData(): ReferenceData {
	cached ??= loadReferenceData();
	return cached;
}
