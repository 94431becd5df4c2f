// Picks a person's full name (family name, then a middle and a given name of one gender) from two seeded hashes, for every renderer alike.
import { FAMILY_NAMES, FEMALE_IN_256, GIVEN_NAMES, MIDDLE_NAMES } from './name-pools.ts';
import { hash3 } from './prng.ts';

/** Indices of a name's parts: family in FAMILY_NAMES, middle and given in the lists of its gender (0 male, 1 female). */
export interface PersonNameParts {
	family: number;
	gender: number;
	middle: number;
	given: number;
}

/** The name of person key under salt (authors and co-authors draw with different salts). */
export function personNameParts(seed: number, key: number, salt: number): PersonNameParts {
	const a = hash3(seed, key, salt);
	const b = hash3(seed, key, salt + 1);
	const gender = (a >>> 24) < FEMALE_IN_256 ? 1 : 0;
	return {
		family: (a & 0xffffff) % FAMILY_NAMES.length,
		gender,
		middle: (b & 0xffff) % MIDDLE_NAMES[gender]!.length,
		given: (b >>> 16) % GIVEN_NAMES[gender]!.length
	};
}

/** "Family Middle Given". */
export function personNameText(parts: PersonNameParts): string {
	return `${FAMILY_NAMES[parts.family]} ${MIDDLE_NAMES[parts.gender]![parts.middle]} ${GIVEN_NAMES[parts.gender]![parts.given]}`;
}
