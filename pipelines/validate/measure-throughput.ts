// Measures stage + validate against DuckDB's own CSV load on a generated national-size export: `npx tsx pipelines/validate/measure-throughput.ts [rows] [dir]`.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Database } from '../../warehouse/duckdb/database.ts';
import { quoteLiteral } from '../stage/sql-text.ts';
import { loadFiles } from './fixture-support.ts';
import { writeSyntheticInitiatives, writeSyntheticUnits } from './synthetic-export.ts';

const rows = Number(process.argv[2] ?? 2_100_000);
const dir = process.argv[3] ?? join('var', 'throughput');
mkdirSync(dir, { recursive: true });
const units = join(dir, 'don-vi_20230901-0800.csv');
const initiatives = join(dir, 'sang-kien_toan-quoc_20230901-0800.csv');
await writeSyntheticUnits(units);
await writeSyntheticInitiatives(initiatives, rows);

const seconds = (since: number) => (performance.now() - since) / 1000;
const baselineDb = await Database.open(':memory:');
let started = performance.now();
await baselineDb.run(`CREATE TEMP TABLE t AS SELECT * FROM read_csv(${quoteLiteral(initiatives)})`);
const baseline = seconds(started);
baselineDb.close();

const db = await Database.open(':memory:');
started = performance.now();
const [, report] = await loadFiles(db, units, [initiatives]);
const total = seconds(started);
db.close();
console.log(JSON.stringify({ rows, baselineSeconds: +baseline.toFixed(2), stageValidateSeconds: +total.toFixed(2),
	ratio: +(total / baseline).toFixed(2), rowsPerSecond: Math.round(rows / total), report }));
