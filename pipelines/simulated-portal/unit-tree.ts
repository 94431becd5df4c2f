// Builds the simulated unit tree: 83 level-1 units, their upper-level and grassroots unions, members and targets.
import { referenceData, LEVEL1_KIND_LABELS, type Level1Unit } from '../../warehouse/reference/reference-data.ts';
import { apportion } from './apportion.ts';
import { level1Profiles, NATIONAL_REGISTERED, REGISTERED_REMAINDER_UNIT, SECTOR, SECTOR_SIZE, type Level1Profile } from './level1-profiles.ts';
import { BRAND_SYLLABLES, DISTRICTS, ENTERPRISE_WORDS, FOREIGN_SYLLABLES, FOREIGN_WORDS, HIGH_SCHOOL_NAMESAKES, PLACES, TOWN_KINDS } from './name-pools.ts';
import { Random, hashUnit } from './prng.ts';

export type UpperKind = 'city' | 'district' | 'industrial' | 'education' | 'health' | 'civil' | 'company';

export interface Level1Node {
	index: number;
	code: string;
	name: string;
	shortName: string;
	typeLabel: string;
	provinceName: string;
	profile: Level1Profile;
	assigned: number;
	/** Registered target from 20/04/2022 (before: blank); revised value from 31/12/2022. */
	registered: number;
	registeredRevised: number;
	phase1: number;
	uppers: number[];
	grassroots: number[];
}

export interface UpperNode {
	index: number;
	code: string;
	name: string;
	kind: UpperKind;
	level1: number;
	assigned: number;
	registered: number;
	registeredRevised: number;
	phase1: number;
	grassroots: number[];
}

export interface GrassrootsTable {
	code: string[];
	name: string[];
	provinceName: string[];
	upper: Int32Array;
	level1: Int32Array;
	sector: Uint8Array;
	members: Int32Array;
	assigned: Int32Array;
	/** 1 when another grassroots union of the same level-1 unit bears the same name (a deliberate duplicate). */
	duplicateName: Uint8Array;
}

export interface UnitTree {
	level1: Level1Node[];
	uppers: UpperNode[];
	grassroots: GrassrootsTable;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** "tỉnh Thanh Hóa" / "thành phố Hồ Chí Minh". */
function provincePhrase(unit: Level1Unit, kind: string): string {
	return `${kind} ${unit.shortName.replace(/^TP /u, '')}`;
}

const CENTRAL_UPPER_WORDS: Record<string, string[]> = {
	N01: ['Trường Đại học', 'Trường Cao đẳng', 'Viện'], N02: ['Bệnh viện', 'Viện', 'Trung tâm'], N03: ['Tổng công ty May', 'Công ty Dệt'],
	N04: ['Công ty Cao su', 'Tổng công ty Cao su'], N05: ['Tổng công ty', 'Tập đoàn'], N06: ['Tổng công ty Xây dựng', 'Tổng công ty Xi măng'],
	N07: ['Tổng công ty Giao thông', 'Cục Đường bộ', 'Tổng công ty Cảng'], N08: ['Tổng công ty Nông nghiệp', 'Viện Nông nghiệp'],
	N09: ['Ngân hàng', 'Chi nhánh Ngân hàng'], N10: ['Cơ quan Bộ', 'Tổng cục'], N11: ['Công an', 'Học viện'], N12: ['Tổng cục', 'Binh đoàn'],
	C01: ['Tổng công ty Điện lực', 'Công ty Truyền tải điện'], C02: ['Tổng công ty Dầu khí', 'Công ty Lọc hóa dầu'], C03: ['Công ty Than', 'Công ty Tuyển than'],
	C04: ['Viễn thông', 'Bưu điện'], C05: ['Công ty Hàng không', 'Xí nghiệp Kỹ thuật'], C06: ['Công ty Đường sắt', 'Xí nghiệp Đầu máy'],
	C07: ['Công ty Hóa chất', 'Công ty Phân bón'], C08: ['Công ty Cảng', 'Công ty Vận tải biển']
};

function upperPlan(unit: Level1Unit, profile: Level1Profile, rng: Random): { name: string; kind: UpperKind }[] {
	const count = profile.uppers;
	const plans: { name: string; kind: UpperKind }[] = [];
	const used = new Set<string>();
	const add = (name: string, kind: UpperKind) => {
		if (!used.has(name) && plans.length < count) {
			used.add(name);
			plans.push({ name, kind });
		}
	};
	if (unit.kind === 'provincial') {
		const province = referenceData().provinces.find((p) => p.code === unit.province)!;
		const phrase = provincePhrase(unit, province.kind);
		const industrial = profile.mix[SECTOR.foreignEnterprise] > 0.15;
		add(`Công đoàn ngành Giáo dục ${phrase}`, 'education');
		add(`Công đoàn ngành Y tế ${phrase}`, 'health');
		add(`Công đoàn Viên chức ${phrase}`, 'civil');
		if (industrial || count > 20) add(`Công đoàn các Khu công nghiệp ${phrase}`, 'industrial');
		if (province.kind === 'tỉnh') add(`LĐLĐ thành phố ${unit.shortName}`, 'city');
		if (industrial && count > 16) add(`Công đoàn Khu kinh tế ${phrase}`, 'industrial');
		let guard = 0;
		while (plans.length < count && guard++ < 10000) {
			const kind = rng.pick(TOWN_KINDS);
			add(`LĐLĐ ${province.kind === 'thành phố' && kind === 'thành phố' ? 'quận' : kind} ${rng.pick(DISTRICTS)}`, 'district');
		}
	} else {
		const words = CENTRAL_UPPER_WORDS[unit.code] ?? ['Công ty'];
		let guard = 0;
		while (plans.length < count && guard++ < 10000) {
			add(`Công đoàn ${rng.pick(words)} ${rng.pick(rng.next() < 0.5 ? PLACES : DISTRICTS)}`, 'company');
		}
	}
	return plans;
}

/** Affinity of a sector to an upper-level kind (weights for placing grassroots unions). */
function affinity(sector: number, kind: UpperKind): number {
	switch (kind) {
		case 'education':
			return sector === SECTOR.education ? 6 : 0;
		case 'health':
			return sector === SECTOR.health ? 8 : 0;
		case 'civil':
			return sector === SECTOR.administration ? 4 : 0;
		case 'industrial':
			return sector <= SECTOR.foreignEnterprise ? 5 : 0;
		case 'city':
			return sector === SECTOR.commune ? 1.5 : 1.2;
		case 'district':
			return sector === SECTOR.foreignEnterprise ? 0.3 : 1;
		case 'company':
			return 1;
	}
}

function grassrootsName(sector: number, rng: Random): string {
	const place = rng.pick(PLACES);
	switch (sector) {
		case SECTOR.education: {
			const school = rng.pick(['Trường Mầm non', 'Trường Mầm non', 'Trường Tiểu học', 'Trường Tiểu học', 'Trường THCS', 'Trường THCS', 'Trường THPT', 'Trường Tiểu học và THCS']);
			return `${school} ${school === 'Trường THPT' ? rng.pick(HIGH_SCHOOL_NAMESAKES) : place}`;
		}
		case SECTOR.health:
			return rng.pick([`Bệnh viện Đa khoa ${place}`, `Trung tâm Y tế ${place}`, `Bệnh viện Y học cổ truyền ${place}`, `Phòng khám Đa khoa ${place}`]);
		case SECTOR.administration:
			return rng.pick([`Phòng Giáo dục và Đào tạo ${place}`, `Chi cục Thuế ${place}`, `Kho bạc Nhà nước ${place}`, `Ban Quản lý dự án ${place}`, `Trung tâm Văn hóa ${place}`, `Phòng Tài chính - Kế hoạch ${place}`]);
		case SECTOR.commune:
			return `UBND ${rng.pick(['xã', 'xã', 'phường', 'thị trấn'])} ${place}`;
		case SECTOR.stateEnterprise:
			return `Công ty ${rng.pick(['TNHH MTV', 'Cổ phần'])} ${rng.pick(ENTERPRISE_WORDS)} ${place}`;
		case SECTOR.privateEnterprise:
			return `Công ty ${rng.pick(['TNHH', 'Cổ phần', 'TNHH'])} ${rng.pick(BRAND_SYLLABLES)} ${rng.pick(BRAND_SYLLABLES)} ${rng.pick(ENTERPRISE_WORDS)}`;
		default:
			return `Công ty TNHH ${rng.pick(FOREIGN_SYLLABLES)}${rng.pick(FOREIGN_SYLLABLES).toLowerCase()} ${rng.pick(FOREIGN_WORDS)} Việt Nam`;
	}
}

const CENTRAL_PROVINCES = ['Hà Nội', 'TP Hồ Chí Minh', 'Đà Nẵng', 'Hải Phòng', 'Quảng Ninh', 'Bình Dương', 'Đồng Nai', 'Cần Thơ', 'Thanh Hóa', 'Nghệ An'];

/** Members of n grassroots unions with Σ ceil(members / 10) = target exactly. */
function membersFor(sectors: Uint8Array, target: number, rng: Random): Int32Array {
	const n = sectors.length;
	const raw = new Float64Array(n);
	let sum = 0;
	for (let i = 0; i < n; i++) {
		raw[i] = SECTOR_SIZE[sectors[i]!]! * Math.exp(0.7 * rng.normal() - 0.245);
		sum += raw[i]!;
	}
	const members = new Int32Array(n);
	let targets = 0;
	for (let i = 0; i < n; i++) {
		members[i] = Math.max(5, Math.round((raw[i]! * target * 10) / sum));
		targets += Math.ceil(members[i]! / 10);
	}
	let diff = target - targets;
	for (let guard = 0; diff !== 0 && guard < 100 * n + 1000; guard++) {
		const i = rng.int(n);
		if (diff > 0) {
			members[i]! += 10;
			diff--;
		} else if (members[i]! > 14) {
			members[i]! -= 10;
			diff++;
		}
	}
	if (diff !== 0) throw new Error(`cannot meet assigned target ${target} with ${n} grassroots unions`);
	return members;
}

/** The whole tree at a scale (1 = the real programme's size), deterministic for a seed. */
export function buildUnitTree(seed: number, scale: number): UnitTree {
	const reference = referenceData();
	const profiles = level1Profiles();
	const level1: Level1Node[] = [];
	const uppers: UpperNode[] = [];
	const g = { code: [] as string[], name: [] as string[], provinceName: [] as string[], upper: [] as number[], level1: [] as number[], sector: [] as number[], members: [] as number[], duplicate: [] as number[] };
	for (const unit of reference.level1Units) {
		const profile = profiles.get(unit.code);
		if (!profile) throw new Error(`no simulation profile for level-1 unit ${unit.code}`);
		const rng = new Random(seed, `units:${unit.code}`);
		const l1Index = level1.length;
		const assigned = Math.max(profile.uppers * 2, Math.round(profile.assigned * scale));
		const countShare = profile.mix.map((m, s) => m / SECTOR_SIZE[s]!);
		const naturalCount = profile.grassroots ?? Math.round(profile.assigned * 10 * countShare.reduce((a, b) => a + b, 0));
		const count = Math.max(profile.uppers, Math.min(assigned, Math.round(naturalCount * scale)));
		const province = reference.provinces.find((p) => p.code === unit.province)!;
		const node: Level1Node = {
			index: l1Index, code: unit.code, name: unit.name, shortName: unit.shortName, typeLabel: LEVEL1_KIND_LABELS[unit.kind],
			provinceName: province.name, profile, assigned, registered: 0, registeredRevised: 0, phase1: 0, uppers: [], grassroots: []
		};
		level1.push(node);
		const plans = upperPlan(unit, profile, rng);
		plans.forEach((plan, k) => {
			node.uppers.push(uppers.length);
			uppers.push({ index: uppers.length, code: `${unit.code}.${pad(k + 1, 2)}`, name: plan.name, kind: plan.kind, level1: l1Index, assigned: 0, registered: 0, registeredRevised: 0, phase1: 0, grassroots: [] });
		});
		const sectors = new Uint8Array(count);
		for (let i = 0; i < count; i++) sectors[i] = rng.weighted(countShare);
		const members = membersFor(sectors, assigned, rng);
		const names = new Set<string>();
		for (let i = 0; i < count; i++) {
			const sector = sectors[i]!;
			let upperK: number;
			if (i < node.uppers.length) upperK = i;
			else {
				const weights: number[] = plans.map((p) => affinity(sector, p.kind));
				if (!weights.some((w) => w > 0)) weights.fill(1);
				upperK = rng.weighted(weights);
			}
			const upper = uppers[node.uppers[upperK]!]!;
			let name = `Công đoàn cơ sở ${grassrootsName(sector, rng)}`;
			for (let k = 2; names.has(name); k++) name = `${name.replace(/ số \d+$/u, '')} số ${k}`;
			names.add(name);
			upper.grassroots.push(g.code.length);
			node.grassroots.push(g.code.length);
			g.code.push(`${upper.code}.${pad(upper.grassroots.length, 4)}`);
			g.name.push(name);
			g.provinceName.push(unit.kind === 'provincial' ? province.name : rng.pick(CENTRAL_PROVINCES));
			g.upper.push(upper.index);
			g.level1.push(l1Index);
			g.sector.push(sector);
			g.members.push(members[i]!);
			g.duplicate.push(0);
		}
		// A few deliberate namesakes under different upper-level unions, so that matching by name alone can be ambiguous.
		const namesakes = node.uppers.length > 1 ? Math.max(1, Math.round(count / 2500)) : 0;
		for (let k = 0; k < namesakes; k++) {
			const a = node.grassroots[rng.int(count)]!;
			const b = node.grassroots[rng.int(count)]!;
			if (a === b || g.upper[a] === g.upper[b] || g.duplicate[a] || g.duplicate[b]) continue;
			if (g.sector[a] !== g.sector[b]) continue;
			g.name[b] = g.name[a]!;
			g.duplicate[a] = 1;
			g.duplicate[b] = 1;
		}
	}
	const grassroots: GrassrootsTable = {
		code: g.code, name: g.name, provinceName: g.provinceName, upper: Int32Array.from(g.upper), level1: Int32Array.from(g.level1),
		sector: Uint8Array.from(g.sector), members: Int32Array.from(g.members),
		assigned: Int32Array.from(g.members, (m) => Math.ceil(m / 10)), duplicateName: Uint8Array.from(g.duplicate)
	};
	for (const upper of uppers) for (const i of upper.grassroots) upper.assigned += grassroots.assigned[i]!;
	setTargets(level1, uppers, seed, scale);
	return { level1, uppers, grassroots };
}

/** Registered and phase-1 targets of levels 1 and 2. */
function setTargets(level1: Level1Node[], uppers: UpperNode[], seed: number, scale: number): void {
	let others = 0;
	for (const node of level1) {
		const p = node.profile;
		const draw = hashUnit(seed, node.index, 11);
		node.registered = p.registered !== undefined ? Math.round(p.registered * scale) : Math.round(node.assigned * (0.78 + 0.3 * draw));
		node.phase1 = p.phase1 !== undefined ? Math.round(p.phase1 * scale) : Math.round(node.assigned * (0.3 + 0.1 * hashUnit(seed, node.index, 12)));
		if (node.code !== REGISTERED_REMAINDER_UNIT) others += node.registered;
	}
	const remainder = level1.find((n) => n.code === REGISTERED_REMAINDER_UNIT)!;
	remainder.registered = Math.round(NATIONAL_REGISTERED * scale) - others;
	for (const node of level1) {
		const published = node.profile.registered !== undefined || node.code === REGISTERED_REMAINDER_UNIT;
		const revise = !published && hashUnit(seed, node.index, 13) < 0.35 ? 1 + 0.2 * hashUnit(seed, node.index, 14) : 1;
		node.registeredRevised = Math.round(node.registered * revise);
		const own = node.uppers.map((u) => uppers[u]!);
		const weights = own.map((u) => u.assigned);
		const zeros = own.map(() => 0);
		const big = own.map(() => Number.MAX_SAFE_INTEGER);
		apportion(node.registered, weights, zeros, big).forEach((v, k) => (own[k]!.registered = v));
		apportion(node.registeredRevised, weights, zeros, big).forEach((v, k) => (own[k]!.registeredRevised = v));
		apportion(node.phase1, weights, zeros, big).forEach((v, k) => (own[k]!.phase1 = v));
	}
}
