// The page-cache warmer of `node build`: at start and after every publish it renders the overview, the nation's page and each level-1 unit's page for the leadership, and those pages then answer with the published figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatInteger } from '../../queries/format/vi-format.ts';
import { totals } from '../../queries/totals.ts';
import { LEADERSHIP } from '../../queries/viewer.ts';
import { beginVersion, publishVersion, readCurrent } from '../../warehouse/versions/version-files.ts';
import { startDashboard, type DashboardServer } from './dashboard-server.ts';

let server: DashboardServer;
beforeAll(async () => {
	server = await startDashboard({ scale: 0.01 });
});
afterAll(async () => server?.close());

/** Waits (up to two minutes) for the server to log the warming of a version; returns the number of pages it rendered. */
async function warmedPages(version: string): Promise<number> {
	const line = new RegExp(`page cache: warmed (\\d+) pages of ${version.replace(/\.duckdb$/u, '')} in`, 'u');
	for (let i = 0; i < 600; i++) {
		const match = line.exec(server.log());
		if (match) return Number(match[1]);
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`no warming of ${version} logged: ${server.log().slice(-1500)}`);
}

describe('page-cache warmer (scale 0.01, node build)', () => {
	it('warms the overview, the nation and every level-1 unit at start, and again after a publish', async () => {
		const level1 = await server.db.selectFrom('unit').select('unit_code').where('level', '=', 1).execute();
		expect(level1.length).toBeGreaterThan(60);
		const first = (await readCurrent(server.warehouse))!;
		expect(await warmedPages(first)).toBe(2 + level1.length);

		// The warmed pages answer with the figures of the version.
		const nation = await totals(server.db, { viewer: LEADERSHIP });
		const overview = await (await server.fetch(`${server.url}/`)).text();
		expect(overview).toContain(formatInteger(nation.onPortal));
		const t38 = await totals(server.db, { viewer: LEADERSHIP, unit: 'T38' });
		const unitPage = await (await server.fetch(`${server.url}/don-vi/T38`)).text();
		expect(unitPage).toContain(formatInteger(t38.onPortal));

		// A new version (the same content under a new name, published as the pipeline publishes) is warmed in turn.
		const building = await beginVersion(server.warehouse, 'r20231008-090000-abcd');
		const published = await publishVersion(server.warehouse, building.path, building.runId);
		expect(published.version).not.toBe(first.replace(/\.duckdb$/u, ''));
		expect(await warmedPages(published.version)).toBe(2 + level1.length);
		expect(server.log()).not.toMatch(/warming failed/u);
	});
});
