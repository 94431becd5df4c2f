// Names of the simulated portal's people: family names as common as in Vietnam, middle and given names of one gender, many distinct.
import { describe, expect, it } from 'vitest';
import { GIVEN_NAMES, MIDDLE_NAMES } from './name-pools.ts';
import { personNameParts, personNameText } from './person-name.ts';

const PEOPLE = 200_000;
const names = Array.from({ length: PEOPLE }, (_, key) => personNameParts(2022, key, 2001));

describe('simulated person names', () => {
	it('are Nguyễn about as often as in Vietnam (~38%), then Trần and Lê', () => {
		const family = new Map<string, number>();
		for (const n of names) {
			const text = personNameText(n).split(' ')[0]!;
			family.set(text, (family.get(text) ?? 0) + 1);
		}
		expect(family.get('Nguyễn')! / PEOPLE).toBeGreaterThan(0.33);
		expect(family.get('Nguyễn')! / PEOPLE).toBeLessThan(0.42);
		const ranked = [...family].sort((a, b) => b[1] - a[1]).map(([name]) => name);
		expect(ranked.slice(0, 3)).toEqual(['Nguyễn', 'Trần', 'Lê']);
	});

	it('never give a woman the middle name Văn nor a man Thị, and mix both genders', () => {
		const women = names.filter((n) => n.gender === 1).length / PEOPLE;
		expect(women).toBeGreaterThan(0.45);
		expect(women).toBeLessThan(0.62);
		for (const n of names) {
			const middle = MIDDLE_NAMES[n.gender]![n.middle]!;
			expect(middle === (n.gender === 1 ? 'Văn' : 'Thị')).toBe(false);
			expect(GIVEN_NAMES[n.gender]![n.given]).toBeDefined();
		}
	});

	it('repeat as Vietnamese names do, yet most of 200,000 people do not share a name with many', () => {
		const distinct = new Set(names.map(personNameText)).size;
		expect(distinct).toBeGreaterThan(40_000);
		expect(distinct).toBeLessThan(PEOPLE);
	});
});
