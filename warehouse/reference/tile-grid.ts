// Loads the tile-grid layouts of the province maps (63 pre-2025 provinces, 34 of the 2025 map) and checks them against the reference data.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseReferenceFile } from './csv-records.ts';
import { referenceData, type ReferenceData } from './reference-data.ts';

export type TileMap = '63' | '34';

export interface Tile {
	/** Province code on that map (GSO code for 63, 2025-map code for 34). */
	code: string;
	/** Full province name from the reference data. */
	name: string;
	/** Short label drawn inside the tile. */
	label: string;
	row: number;
	col: number;
}

export interface TileGrid {
	map: TileMap;
	source: string;
	tiles: Tile[];
	rows: number;
	cols: number;
}

/** The folder holding the CSV files: beside this module, or warehouse/reference under the working directory once bundled. */
function referenceDirectory(): string {
	const beside = fileURLToPath(new URL('.', import.meta.url));
	return existsSync(`${beside}/tile-grid-63.csv`) ? beside : `${process.cwd()}/warehouse/reference`;
}

/** Parses and checks a tile-grid file: every province of the map exactly once, one tile per cell, whole non-negative positions. */
export function parseTileGrid(text: string, map: TileMap, data: ReferenceData = referenceData()): TileGrid {
	const fileName = `tile-grid-${map}.csv`;
	const { source, records } = parseReferenceFile(text, fileName);
	const names = new Map((map === '63' ? data.provinces : data.map2025).map((p) => [p.code, p.name]));
	const cells = new Set<string>();
	const seen = new Set<string>();
	const tiles = records.map((record, index) => {
		const fail = (message: string): never => {
			throw new Error(`${fileName}: row ${index + 1}: ${message}`);
		};
		const code = record.code!;
		const row = Number(record.row);
		const col = Number(record.col);
		const name = names.get(code) ?? fail(`unknown province ${code}`);
		if (!Number.isInteger(row) || !Number.isInteger(col) || row < 0 || col < 0) fail(`bad position ${record.row},${record.col}`);
		if (seen.has(code)) fail(`province ${code} appears twice`);
		if (cells.has(`${row},${col}`)) fail(`cell ${row},${col} holds two provinces`);
		if (!record.label) fail('empty label');
		seen.add(code);
		cells.add(`${row},${col}`);
		return { code, name, label: record.label!, row, col };
	});
	const missing = [...names.keys()].filter((code) => !seen.has(code));
	if (missing.length) throw new Error(`${fileName}: missing provinces ${missing.join(', ')}`);
	return {
		map,
		source,
		tiles,
		rows: Math.max(...tiles.map((t) => t.row)) + 1,
		cols: Math.max(...tiles.map((t) => t.col)) + 1
	};
}

const cache = new Map<TileMap, TileGrid>();

/** The tile grid of a map, loaded and checked once per process. */
export function tileGrid(map: TileMap): TileGrid {
	let grid = cache.get(map);
	if (!grid) {
		grid = parseTileGrid(readFileSync(`${referenceDirectory()}/tile-grid-${map}.csv`, 'utf8'), map);
		cache.set(map, grid);
	}
	return grid;
}
