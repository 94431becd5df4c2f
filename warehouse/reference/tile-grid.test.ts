// The tile-grid layouts cover each map's provinces once, keep labels unique and keep the S-shape (wide north and south, narrow centre).
import { describe, expect, it } from 'vitest';
import { parseTileGrid, tileGrid, type TileGrid } from './tile-grid.ts';

function widthOfRows(grid: TileGrid, from: number, to: number): number {
	const cols = grid.tiles.filter((t) => t.row >= from && t.row <= to).map((t) => t.col);
	return Math.max(...cols) - Math.min(...cols) + 1;
}

describe('tileGrid', () => {
	it('places the 63 pre-2025 provinces and the 34 provinces of the 2025 map', () => {
		expect(tileGrid('63').tiles).toHaveLength(63);
		expect(tileGrid('34').tiles).toHaveLength(34);
		expect(tileGrid('63').source).toMatch(/product's own tile-grid layout/u);
		expect(tileGrid('63').tiles.find((t) => t.code === '38')).toEqual({ code: '38', name: 'Thanh Hóa', label: 'TH', row: 6, col: 3 });
	});

	it('gives every tile a distinct label', () => {
		for (const map of ['63', '34'] as const) {
			const labels = tileGrid(map).tiles.map((t) => t.label);
			expect(new Set(labels).size).toBe(labels.length);
		}
	});

	it('keeps the S-shape: Hà Nội north of Huế north of TP Hồ Chí Minh, a narrow centre', () => {
		for (const map of ['63', '34'] as const) {
			const grid = tileGrid(map);
			const row = (code: string) => grid.tiles.find((t) => t.code === code)!.row;
			expect(row('01')).toBeLessThan(row('46'));
			expect(row('46')).toBeLessThan(row('79'));
			const centre = widthOfRows(grid, row('38'), row('46'));
			expect(centre).toBeLessThanOrEqual(3);
			expect(widthOfRows(grid, 0, 2)).toBeGreaterThan(centre);
		}
	});

	it('rejects a layout with a province missing, twice, or two in one cell', () => {
		const text = '# Source: test\ncode,label,row,col\n01,HN,0,0\n';
		expect(() => parseTileGrid(text, '34')).toThrow(/tile-grid-34.csv: missing provinces 04, 08/u);
		expect(() => parseTileGrid(`${text}01,HN,0,1\n`, '34')).toThrow('row 2: province 01 appears twice');
		expect(() => parseTileGrid(`${text}04,CB,0,0\n`, '34')).toThrow('row 2: cell 0,0 holds two provinces');
		expect(() => parseTileGrid(`${text}99,X,0,3\n`, '34')).toThrow('row 2: unknown province 99');
	});
});
