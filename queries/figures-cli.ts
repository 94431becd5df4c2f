// `npm run figures -- <metric> [--as-of T] [--unit code] [--by …] [--format table|json|csv] [--warehouse dir] [--press]`: any figure with its definition, as-of time and warehouse version.
import { basename } from 'node:path';
import { Kysely } from 'kysely';
import { Database } from '../warehouse/duckdb/database.ts';
import { DuckDBDialect } from '../warehouse/duckdb/duckdb-dialect.ts';
import type { PlainValue } from '../warehouse/duckdb/plain-values.ts';
import type { WarehouseSchema } from '../warehouse/tables.ts';
import { openPublished } from '../warehouse/versions/version-files.ts';
import { DEFINITIONS, SOURCE } from './definitions.ts';
import { FIGURE_BYS, METRIC_NAMES, runFigure, type ColumnKind, type FigureBy, type FigureTable } from './figures.ts';
import { formatAsOfPhrase, formatDateTime, formatDecimal, formatInteger, formatPercent, formatVnd } from './format/vi-format.ts';
import { QueryInputError } from './query-context.ts';
import { LEADERSHIP, NotVisibleError, type Viewer } from './viewer.ts';

const USAGE = `usage: npm run figures -- <metric> [--as-of "20/04/2022 08:00" | ISO] [--unit <code>] [--by ${FIGURE_BYS.join('|')}] [--format table|json|csv] [--warehouse <dir|file.duckdb>] [--press]
metrics: ${METRIC_NAMES.join(', ')}`;

interface Args {
	metric: string;
	asOf?: string;
	unit?: string;
	by?: FigureBy;
	format: 'table' | 'json' | 'csv';
	warehouse: string;
	viewer: Viewer;
}

function parseArgs(argv: string[]): Args {
	const args: Partial<Args> & { format: Args['format']; warehouse: string; viewer: Viewer } = {
		format: 'table',
		warehouse: process.env.SANG_KIEN_WAREHOUSE ?? 'var/warehouse',
		viewer: LEADERSHIP
	};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		const value = () => {
			const v = argv[++i];
			if (v === undefined) throw new QueryInputError('invalid_option', `${arg} needs a value\n${USAGE}`);
			return v;
		};
		if (arg === '--as-of') args.asOf = value();
		else if (arg === '--unit') args.unit = value();
		else if (arg === '--by') {
			const by = value();
			if (!(FIGURE_BYS as readonly string[]).includes(by)) throw new QueryInputError('invalid_option', `--by takes ${FIGURE_BYS.join(', ')}, not "${by.slice(0, 40)}"`);
			args.by = by as FigureBy;
		} else if (arg === '--format') {
			const format = value();
			if (format !== 'table' && format !== 'json' && format !== 'csv') throw new QueryInputError('invalid_option', `--format takes table, json or csv`);
			args.format = format;
		} else if (arg === '--warehouse') args.warehouse = value();
		else if (arg === '--press') args.viewer = { role: 'press' };
		else if (arg === '--help' || arg === '-h') throw new QueryInputError('invalid_option', USAGE);
		else if (arg.startsWith('--')) throw new QueryInputError('invalid_option', `unknown option ${arg.slice(0, 40)}\n${USAGE}`);
		else if (args.metric === undefined) args.metric = arg;
		else throw new QueryInputError('invalid_option', `unexpected argument "${arg.slice(0, 40)}"\n${USAGE}`);
	}
	if (!args.metric) throw new QueryInputError('unknown_metric', `no metric given\n${USAGE}`);
	return args as Args;
}

/** One cell as a person reads it (vi-VN numbers, "tỷ đồng", percentages). */
export function formatCell(value: PlainValue, kind: ColumnKind): string {
	if (value === null || value === undefined) return '—';
	if (typeof value === 'boolean') return value ? 'có' : 'không';
	if (typeof value !== 'number') return kind === 'time' && typeof value === 'string' ? formatDateTime(value) : String(value);
	switch (kind) {
		case 'int':
			return formatInteger(value);
		case 'vnd':
			return formatVnd(value);
		case 'pct':
			return formatPercent(value, 'vi', 2);
		case 'num':
			return formatDecimal(value, 2);
		default:
			return String(value);
	}
}

function csvCell(value: PlainValue): string {
	const text = value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
	const safe = /^[=+\-@]/u.test(text) && !/^-?\d/u.test(text) ? `'${text}` : text;
	return /[",\n\r]/u.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The printed output of a figure in one of the three formats. */
export function render(table: FigureTable, format: Args['format']): string {
	const definition = DEFINITIONS[table.definition];
	if (format === 'json') {
		return `${JSON.stringify({ ...table, definition: { key: table.definition, ...definition }, source: SOURCE }, null, 2)}\n`;
	}
	const asOf = table.asOf ? `${formatAsOfPhrase(table.asOf)} (${table.asOf})` : '—';
	const meta = [
		`${definition.labelVi} / ${definition.labelEn}`,
		`Định nghĩa: ${definition.vi}`,
		`Definition: ${definition.en}`,
		`Tính đến / as of: ${asOf} · Đơn vị / unit: ${table.unit}${table.by ? ` · theo / by: ${table.by}` : ''} · Phiên bản kho / warehouse version: ${table.version ?? '—'}`,
		SOURCE.vi
	];
	if (format === 'csv') {
		const lines = [...meta.map((m) => `# ${m}`), table.columns.map((c) => csvCell(c.key)).join(',')];
		for (const row of table.rows) lines.push(table.columns.map((c) => csvCell(row[c.key] ?? null)).join(','));
		return `${lines.join('\n')}\n`;
	}
	const cells = table.rows.map((row) => table.columns.map((c) => formatCell(row[c.key] ?? null, c.kind === 'num' && typeof row.kind === 'string' ? (row.kind as ColumnKind) : c.kind)));
	const header = table.columns.map((c) => c.label);
	const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]!.length)));
	const numeric = table.columns.map((c) => c.kind !== 'text' && c.kind !== 'time');
	const line = (values: string[]) => values.map((v, i) => (numeric[i] ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ').trimEnd();
	return `${[...meta, '', line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n')}\n`;
}

async function open(warehouse: string): Promise<{ database: Database; version: string }> {
	if (warehouse.endsWith('.duckdb')) {
		return { database: await Database.open(warehouse, { readOnly: true }), version: basename(warehouse, '.duckdb') };
	}
	const opened = await openPublished(warehouse);
	if (!opened) throw new QueryInputError('empty_warehouse', `no published warehouse version in ${warehouse} (run \`npm run pipeline -- run\` first)`);
	return opened;
}

export async function main(argv: string[], out: (text: string) => void = (t) => process.stdout.write(t)): Promise<number> {
	let database: Database | undefined;
	let db: Kysely<WarehouseSchema> | undefined;
	try {
		const args = parseArgs(argv);
		if (!METRIC_NAMES.includes(args.metric)) await runFigure(undefined as never, args.metric, { viewer: args.viewer });
		const opened = await open(args.warehouse);
		database = opened.database;
		db = new Kysely<WarehouseSchema>({ dialect: new DuckDBDialect({ database }) });
		const table = await runFigure(db, args.metric, { viewer: args.viewer, asOf: args.asOf, unit: args.unit, by: args.by });
		out(render({ ...table, version: table.version ?? opened.version }, args.format));
		return 0;
	} catch (error) {
		if (error instanceof QueryInputError) {
			process.stderr.write(`figures: ${error.message}\n`);
			return error.exitCode;
		}
		if (error instanceof NotVisibleError) {
			process.stderr.write(`figures: ${error.message}\n`);
			return 3;
		}
		process.stderr.write(`figures: ${(error as Error).message.split('\n')[0]}\n`);
		return 1;
	} finally {
		await db?.destroy();
		database?.close();
	}
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) {
	process.exitCode = await main(process.argv.slice(2));
}
