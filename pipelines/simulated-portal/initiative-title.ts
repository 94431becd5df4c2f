// Composes an initiative's title from seeded parts: what it does (head), to what (object) and where or for whom (qualifier) by
// its title kind (field, and for education the school's stage), often at which workplace (its grassroots union's), and what for or when (tail).
import { TITLE_HEADS, TITLE_KIND, TITLE_OBJECTS, TITLE_QUALIFIERS, TITLE_TAILS } from './name-pools.ts';
import { hash3 } from './prng.ts';

/** Share of titles that name the author's workplace ("… tại Trường THCS Lê Quý Đôn"), in 1/256. */
const WORKPLACE_IN_256 = 176;
/** The field code of education. */
const EDUCATION = 1;

/** How a title names its workplace: not at all, " tại <workplace>", or ", <workplace>" after a qualifier that says "tại …". */
export const WORKPLACE = { none: 0, at: 1, comma: 2 } as const;

/** The chosen parts of one title: its kind, and indices into the pools (object and qualifier within the kind's lists). */
export interface TitleParts {
	kind: number;
	head: number;
	object: number;
	qualifier: number;
	workplace: number;
	tail: number;
}

/** Qualifiers starting " tại " take their workplace after a comma. */
const QUALIFIER_SAYS_AT = TITLE_QUALIFIERS.map((list) => list.map((q) => q.startsWith(' tại ')));

/** A grassroots union's workplace: its name without the leading "Công đoàn cơ sở" (or "Công đoàn"). */
export function workplaceOf(grassrootsName: string): string {
	return grassrootsName.replace(/^Công đoàn (cơ sở )?/u, '');
}

/** The title kind of an education initiative at a workplace: the school's stage, else general education (1). */
export function educationKindOf(workplace: string): number {
	if (/Mầm non/u.test(workplace)) return TITLE_KIND.preschool;
	if (/Tiểu học/u.test(workplace)) return TITLE_KIND.primary;
	if (/THCS|Trung học cơ sở/u.test(workplace)) return TITLE_KIND.lowerSecondary;
	if (/THPT|Trung học phổ thông/u.test(workplace)) return TITLE_KIND.upperSecondary;
	return EDUCATION;
}

/** The parts of initiative i's title (field: its field code; educationKind: educationKindOf its workplace), from two hashes of the seed and i. */
export function titleParts(seed: number, i: number, field: number, educationKind: number): TitleParts {
	const a = hash3(seed, i, 1001);
	const b = hash3(seed, i, 1002);
	const kind = field === EDUCATION ? educationKind : field;
	const qualifier = (b >>> 8) % TITLE_QUALIFIERS[kind]!.length;
	const named = (b & 0xff) < WORKPLACE_IN_256;
	return {
		kind,
		head: a % TITLE_HEADS.length,
		object: (a >>> 8) % TITLE_OBJECTS[kind]!.length,
		qualifier,
		workplace: !named ? WORKPLACE.none : QUALIFIER_SAYS_AT[kind]![qualifier]! ? WORKPLACE.comma : WORKPLACE.at,
		tail: (a >>> 20) % TITLE_TAILS.length
	};
}

/** The title text from its parts (workplace: the grassroots union's workplace). */
export function titleText(parts: TitleParts, workplace: string): string {
	const joiner = parts.workplace === WORKPLACE.at ? ` tại ${workplace}` : parts.workplace === WORKPLACE.comma ? `, ${workplace}` : '';
	const kind = parts.kind;
	return `${TITLE_HEADS[parts.head]} ${TITLE_OBJECTS[kind]![parts.object]}${TITLE_QUALIFIERS[kind]![parts.qualifier]}${joiner}${TITLE_TAILS[parts.tail]}`;
}
