// Runs the registered benchmarks (`npm run bench` for all, `npm run bench -- <name>` for some) and prints a table.
import { benchmarks, type BenchResult } from './benchmarks.ts';

/** A plain text table of results, one row per case, columns from the union of their values. */
export function formatTable(results: BenchResult[]): string {
	const columns = [...new Set(results.flatMap((r) => Object.keys(r.values)))];
	const rows = [['case', ...columns], ...results.map((r) => [r.case, ...columns.map((c) => String(r.values[c] ?? ''))])];
	const widths = rows[0]!.map((_, k) => Math.max(...rows.map((row) => row[k]!.length)));
	return rows.map((row) => row.map((cell, k) => (k === 0 ? cell.padEnd(widths[k]!) : cell.padStart(widths[k]!))).join('  ')).join('\n');
}

const names = process.argv.slice(2);
const unknown = names.filter((n) => !benchmarks.some((b) => b.name === n));
if (unknown.length) {
	console.error(`unknown benchmark(s): ${unknown.join(', ')}; registered: ${benchmarks.map((b) => b.name).join(', ')}`);
	process.exit(2);
}
const selected = names.length ? benchmarks.filter((b) => names.includes(b.name)) : benchmarks.filter((b) => b.name !== 'simulate-small');
const results: BenchResult[] = [];
for (const benchmark of selected) {
	console.error(`running ${benchmark.name}: ${benchmark.description}`);
	results.push(...(await benchmark.run()));
}
console.log(formatTable(results));
