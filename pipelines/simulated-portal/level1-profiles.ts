// What the simulated portal knows about each level-1 unit at scale 1: assigned target, sector mix, upper-level count, targets and published counts.

/** Sectors (`Khối`) of grassroots unions, in the export's wording; the index is the sector code used in typed arrays. */
export const SECTORS = [
	'Doanh nghiệp nhà nước',
	'Doanh nghiệp ngoài nhà nước',
	'Doanh nghiệp có vốn đầu tư nước ngoài',
	'Giáo dục',
	'Y tế',
	'Hành chính, sự nghiệp khác',
	'Xã, phường, thị trấn'
] as const;
export const SECTOR = { stateEnterprise: 0, privateEnterprise: 1, foreignEnterprise: 2, education: 3, health: 4, administration: 5, commune: 6 } as const;

/** Members' share by sector (same order as SECTORS). */
export type SectorMix = readonly [number, number, number, number, number, number, number];

const MIX_PROVINCE: SectorMix = [0.06, 0.17, 0.07, 0.36, 0.08, 0.14, 0.12];
const MIX_INDUSTRIAL: SectorMix = [0.05, 0.27, 0.36, 0.15, 0.05, 0.07, 0.05];
const MIX_MIXED: SectorMix = [0.06, 0.22, 0.18, 0.26, 0.07, 0.11, 0.1];

export interface Level1Profile {
	code: string;
	/** Assigned target (Chỉ tiêu giao) at scale 1 = Σ ceil(10% members) of its grassroots unions. */
	assigned: number;
	mix: SectorMix;
	/** Upper-level unions (level 2). */
	uppers: number;
	/** Registered target at 20/04/2022 (scale 1); undefined = factor of assigned. */
	registered?: number;
	/** Phase-1 target (scale 1); undefined = 30–40% of assigned. */
	phase1?: number;
	/** Initiatives on the portal at close ÷ assigned (undefined: drawn 0.9–2.2). */
	enthusiasm?: number;
	/** Grassroots unions at scale 1 (undefined: from members and sector sizes). */
	grassroots?: number;
}

const INDUSTRIAL = new Set(['T74', 'T75', 'T79', 'T27', 'T24', 'T30', 'T31', 'T80', 'T72', 'T77', 'T26', 'T19', 'T33', 'T01', 'T70']);
const MIXED = new Set(['T22', 'T48', 'T92', 'T56', 'T37', 'T35', 'T49', 'T51', 'T82', 'T34', 'T36']);

/** Assigned targets of the provincial federations at scale 1 (≈ 10% of their members). */
const PROVINCIAL: Record<string, number> = {
	T01: 60000, T02: 4200, T04: 3600, T06: 2400, T08: 5100, T10: 5600, T11: 3300, T12: 2500, T14: 6200, T15: 4800,
	T17: 5200, T19: 12500, T20: 4300, T22: 18000, T24: 25000, T25: 13000, T26: 11000, T27: 33000, T30: 22000, T31: 30000,
	T33: 15000, T34: 14000, T35: 11000, T36: 14000, T37: 10000, T38: 29000, T40: 24000, T42: 11000, T44: 7000, T45: 5500,
	T46: 8500, T48: 16000, T49: 14000, T51: 9000, T52: 10000, T54: 5500, T56: 11000, T58: 4500, T60: 8500, T62: 3500,
	T64: 9000, T66: 10500, T67: 3800, T68: 9000, T70: 10500, T72: 17000, T74: 67000, T75: 56000, T77: 13810, T79: 125000,
	T80: 23000, T82: 12500, T83: 8500, T84: 6500, T86: 7000, T87: 9000, T89: 11000, T91: 9500, T92: 10500, T93: 4500,
	T94: 7000, T95: 4200, T96: 6000
};

const CENTRAL: Record<string, { assigned: number; mix: SectorMix }> = {
	N01: { assigned: 4000, mix: [0, 0, 0, 1, 0, 0, 0] },
	N02: { assigned: 3500, mix: [0, 0, 0, 0, 1, 0, 0] },
	N03: { assigned: 13000, mix: [0.35, 0.6, 0.05, 0, 0, 0, 0] },
	N04: { assigned: 12000, mix: [0.9, 0.08, 0, 0, 0.02, 0, 0] },
	N05: { assigned: 9000, mix: [0.7, 0.25, 0, 0, 0, 0.05, 0] },
	N06: { assigned: 6000, mix: [0.6, 0.35, 0, 0, 0, 0.05, 0] },
	N07: { assigned: 6000, mix: [0.65, 0.2, 0, 0.05, 0, 0.1, 0] },
	N08: { assigned: 3000, mix: [0.4, 0.1, 0, 0.1, 0, 0.4, 0] },
	N09: { assigned: 15000, mix: [0.85, 0.15, 0, 0, 0, 0, 0] },
	N10: { assigned: 5000, mix: [0, 0, 0, 0.15, 0.1, 0.75, 0] },
	N11: { assigned: 8000, mix: [0.2, 0, 0, 0.1, 0.1, 0.6, 0] },
	N12: { assigned: 14000, mix: [0.6, 0, 0, 0.05, 0.1, 0.25, 0] },
	C01: { assigned: 10000, mix: [1, 0, 0, 0, 0, 0, 0] },
	C02: { assigned: 6000, mix: [1, 0, 0, 0, 0, 0, 0] },
	C03: { assigned: 9500, mix: [0.95, 0, 0, 0, 0.05, 0, 0] },
	C04: { assigned: 4500, mix: [1, 0, 0, 0, 0, 0, 0] },
	C05: { assigned: 2500, mix: [1, 0, 0, 0, 0, 0, 0] },
	C06: { assigned: 2000, mix: [1, 0, 0, 0, 0, 0, 0] },
	C07: { assigned: 3000, mix: [0.95, 0, 0, 0, 0.05, 0, 0] },
	C08: { assigned: 2000, mix: [1, 0, 0, 0, 0, 0, 0] }
};

/** Registered targets published for 20/04/2022 (seeds 000 and 003); the rest are drawn, HCM takes the remainder. */
const REGISTERED: Record<string, number> = {
	// Northern midlands & mountains cluster, 66,775 in all.
	T17: 5200 + 3927, T08: 5100 + 3008, T20: 4300 + 828, T25: 9000, T06: 2000, T10: 4800, T19: 12500, T15: 4800, T26: 11312,
	// Red River Delta cluster, 166,121 in all.
	T31: 45000, T30: 23500, T35: 11550, T34: 15000, T27: 20000, T22: 14000, T33: 12000, T36: 10000, T37: 7000, T24: 8071,
	T01: 130000
};
/** National sum of level-1 registered targets at 20/04/2022 (scale 1): > 1,000,000 and < 66,775 / 6%. */
export const NATIONAL_REGISTERED = 1098412;
export const REGISTERED_REMAINDER_UNIT = 'T79';

/** Phase-1 targets named in seed 001 (22/04/2022). */
const PHASE1: Record<string, number> = { T79: 43100, T74: 23400, T75: 5000, T77: 3520, T80: 1450, T72: 6000, N04: 1760 };

/** Initiatives on the portal at close ÷ assigned for the units whose run is known. */
const ENTHUSIASM: Record<string, number> = {
	T40: 3.1, T42: 3.4, T01: 1.9, T31: 1.8, T92: 2.3, T89: 2.2, T93: 2.4, T24: 1.5, T80: 1.1, T35: 1.9, T79: 0.85,
	T74: 0.75, T75: 0.6
};

const UPPERS: Record<string, number> = { T77: 14, T24: 17, T38: 35, T01: 40, T79: 40, T40: 32 };

/** Profiles of every level-1 unit, keyed by code (order: provincial federations then central units). */
export function level1Profiles(): Map<string, Level1Profile> {
	const profiles = new Map<string, Level1Profile>();
	const add = (code: string, assigned: number, mix: SectorMix) => {
		const uppers = UPPERS[code] ?? Math.max(8, Math.min(40, Math.round(7 + 31 * Math.sqrt(assigned / 125000))));
		profiles.set(code, {
			code,
			assigned,
			mix,
			uppers,
			registered: REGISTERED[code],
			phase1: PHASE1[code],
			enthusiasm: ENTHUSIASM[code],
			grassroots: code === 'T38' ? 3912 : undefined
		});
	};
	for (const [code, assigned] of Object.entries(PROVINCIAL)) {
		add(code, assigned, INDUSTRIAL.has(code) ? MIX_INDUSTRIAL : MIXED.has(code) ? MIX_MIXED : MIX_PROVINCE);
	}
	for (const [code, { assigned, mix }] of Object.entries(CENTRAL)) add(code, assigned, mix);
	return profiles;
}

/** Typical members of one grassroots union by sector. */
export const SECTOR_SIZE = [220, 70, 650, 45, 90, 35, 28] as const;
