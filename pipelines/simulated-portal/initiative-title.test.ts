// Titles of the simulated portal: mostly distinct, each naming a real part per field, and rendered byte for byte alike by the fast CSV path.
import { describe, expect, it } from 'vitest';
import { InitiativeRenderer } from './initiative-rows.ts';
import { planInitiatives } from './initiative-plan.ts';
import { generatePopulation } from './population.ts';
import { RowChunk } from './row-chunk.ts';
import { buildUnitTree } from './unit-tree.ts';
import { workplaceOf } from './initiative-title.ts';

const SEED = 2022;
const SCALE = 0.01;
const tree = buildUnitTree(SEED, SCALE);
const population = generatePopulation(tree, planInitiatives(tree, SEED, SCALE), SEED, SCALE);
const renderer = new InitiativeRenderer(tree, population, SEED);
const count = population.submitted.length;

describe('simulated initiative titles', () => {
	it('are mostly distinct, as on the real portal, with the generic ones repeating', () => {
		const titles = new Set<string>();
		for (let i = 0; i < count; i++) titles.add(renderer.title(i));
		expect(count).toBeGreaterThan(15_000);
		expect(titles.size / count).toBeGreaterThan(0.75);
		expect(titles.size).toBeLessThan(count);
	});

	it('name the author’s own workplace when they name one', () => {
		let named = 0;
		for (let i = 0; i < count; i++) {
			const workplace = workplaceOf(tree.grassroots.name[population.grassroots[i]!]!);
			if (renderer.title(i).includes(` tại ${workplace}`) || renderer.title(i).includes(`, ${workplace}`)) named++;
		}
		expect(named / count).toBeGreaterThan(0.6);
		expect(named / count).toBeLessThan(0.8);
	});

	it('come out of the fast CSV path exactly as the renderer writes them (the columns that never change)', () => {
		const chunk = new RowChunk(renderer, 4096);
		for (let first = 0; first < count; first += 4096) {
			const end = Math.min(count, first + 4096);
			chunk.fill(first, end);
			for (let k = 0; k < end - first; k++) {
				const i = first + k;
				const line = chunk.bytes.toString('utf8', chunk.start[k], chunk.review[k]);
				const expected = `${renderer.staticCsv(i)},`;
				if (line !== expected) expect({ i, line }).toEqual({ i, line: expected });
			}
		}
	});

	it('quote the titles with a quote in them', () => {
		const quoted = Array.from({ length: count }, (_, i) => i).find((i) => renderer.title(i).includes('"'));
		expect(quoted).toBeDefined();
		const csv = renderer.staticCsv(quoted!);
		expect(csv).toContain(`"${renderer.title(quoted!).replace(/"/gu, '""')}"`);
	});
});
