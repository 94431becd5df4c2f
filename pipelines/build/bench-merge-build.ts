// Measures merge (units, initiatives), build and audit on a synthetic warehouse generated in SQL: `npx tsx pipelines/build/bench-merge-build.ts [--initiatives 2000000] [--snapshots 40] [--db var/bench/merge-build.duckdb] [--regenerate]`.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { Database } from '../../warehouse/duckdb/database.ts';
import { createSchema } from '../../warehouse/schema/create-schema.ts';
import { loadReference } from '../../warehouse/schema/load-reference.ts';
import { mergeInitiatives } from '../merge/merge-initiatives.ts';
import { mergeUnits } from '../merge/merge-units.ts';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { auditVersion } from '../audit/audit-version.ts';
import { buildMarts } from './build-marts.ts';

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
	const start = performance.now();
	const result = await fn();
	console.log(`${label}: ${((performance.now() - start) / 1000).toFixed(1)} s ${JSON.stringify(result ?? '')}`);
	return result;
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			initiatives: { type: 'string', default: '2000000' },
			snapshots: { type: 'string', default: '40' },
			db: { type: 'string', default: 'var/bench/merge-build.duckdb' },
			regenerate: { type: 'boolean', default: false }
		}
	});
	const fresh = values.regenerate || !existsSync(values.db);
	mkdirSync(dirname(values.db), { recursive: true });
	const db = await Database.open(values.db);
	if (fresh) {
		await createSchema(db);
		await loadReference(db);
		await db.run(`SET VARIABLE initiatives = ${Number(values.initiatives)}; SET VARIABLE snapshots = ${Number(values.snapshots)};`);
		const sql = readFileSync(fileURLToPath(new URL('synthetic-staged.sql', import.meta.url)), 'utf8');
		await timed('generate', () => db.run(sql));
	}
	await timed('staged', () =>
		db.one('SELECT (SELECT count(*) FROM staged_initiative) AS observations, (SELECT count(DISTINCT file_id) FROM staged_initiative) AS snapshots')
	);
	const start = performance.now();
	await timed('mergeUnits', () => mergeUnits(db));
	await timed('mergeInitiatives', () => mergeInitiatives(db));
	await timed('buildMarts', () => buildMarts(db));
	console.log(`merge+build: ${((performance.now() - start) / 1000).toFixed(1)} s`);
	const audit = await timed('auditVersion', async () => {
		const report = await auditVersion(db, { previous: null, newFileIds: [] });
		return { passed: report.passed, failed: report.checks.filter((c) => !c.passed) };
	});
	if (!audit.passed) process.exitCode = 1;
	db.close();
}

await main();
