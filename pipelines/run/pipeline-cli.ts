// `npm run pipeline -- run | schedule | status | prune`: runs the warehouse pipeline once or on a schedule, shows the last runs, or prunes landed files (exit codes in README.md).
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import cron from 'node-cron';
import { listVersions, readCurrent } from '../../warehouse/versions/version-files.ts';
import { CONFIG_ARG_OPTIONS, loadConfig } from '../config/load-config.ts';
import type { PipelineConfig } from '../config/pipeline-config.ts';
import { defaultStages } from './default-stages.ts';
import { pruneWarehouse } from './prune-warehouse.ts';
import { runPipeline } from './run-pipeline.ts';
import { EXIT_CODES, readRunRecords, type RunRecord, type RunTrigger } from './run-log.ts';
import { streamReporter, type TextOutput } from './run-reporter.ts';
import { formatRunSummary, formatStatus } from './run-summary.ts';
import { stageTraceFromEnv } from './stage-trace.ts';

/** Exit status for a bad command line or configuration. */
export const EXIT_USAGE = 2;

const USAGE = `usage: npm run pipeline -- <command> [options]

commands:
  run       fetch, land, stage, validate, merge, build, audit and publish once
  schedule  run on the configured cron schedule (Asia/Ho_Chi_Minh), never two at once
  status    the published version and the latest runs
  prune     remove landed files older than the retention age that the published version has loaded

options:
  --source <dir|url>   export source (repeatable; replaces the configured sources)
  --warehouse <dir>    warehouse directory (default var/warehouse)
  --config <file>      configuration file (default sang-kien.config.json)
  --trigger <t>        run only: manual | schedule | start (default manual)
  --rebuild            run only: build the version from scratch out of every landed file (applies a staging fix to old files)
  --limit <n>          status only: runs to list (default 10)
  --older-than-days <n>  prune only: the retention age (default: retentionDays of the configuration)
  --dry-run            prune only: list what would be removed, remove nothing

exit codes (run): 0 published, 10 nothing new, 20 rejected by audit, 1 failed, 2 usage or configuration error
exit codes (prune): 0 done, 1 failed (e.g. a run holds the lock), 2 usage or no retention age`;

const TRIGGERS: readonly RunTrigger[] = ['manual', 'schedule', 'start'];

export interface CliIo {
	stdout: TextOutput;
	stderr: TextOutput;
	env: Record<string, string | undefined>;
}

const processIo: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env };

async function configFrom(io: CliIo, values: { source?: string[]; warehouse?: string; config?: string }): Promise<PipelineConfig | undefined> {
	const result = await loadConfig({ configPath: values.config, env: io.env, cli: { sources: values.source, warehouse: values.warehouse } });
	if (!result.ok) {
		for (const error of result.errors) io.stderr.write(`config: ${error}\n`);
		return undefined;
	}
	return result.config;
}

async function runOnce(io: CliIo, config: PipelineConfig, trigger: RunTrigger, rebuild = false): Promise<RunRecord> {
	const reporter = streamReporter(io.stdout);
	const trace = stageTraceFromEnv({ env: io.env, write: (line) => io.stdout.write(`${line}\n`) });
	const record = await runPipeline(config, { trigger, stages: defaultStages, reporter, trace, rebuild });
	for (const line of formatRunSummary(record)) reporter.line(line);
	return record;
}

/** A file size for people: kB below a megabyte, else MB (pure). */
export const fileSize = (bytes: number): string =>
	bytes < 1e6 ? `${(bytes / 1e3).toLocaleString('en-US', { maximumFractionDigits: 1 })} kB` : `${(bytes / 1e6).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;

/** `prune`: the retention age from --older-than-days, else the configuration's retentionDays; each file removed is listed. */
async function prune(io: CliIo, config: PipelineConfig, olderThan: string | undefined, dryRun: boolean): Promise<number> {
	const days = olderThan === undefined ? config.retentionDays : Number(olderThan);
	if (days === null) {
		io.stderr.write('prune: no retention age: pass --older-than-days <n> or set retentionDays (SANG_KIEN_RETENTION_DAYS)\n');
		return EXIT_USAGE;
	}
	if (!Number.isInteger(days) || days < 0) {
		io.stderr.write(`--older-than-days must be an integer ≥ 0, got "${olderThan}"\n`);
		return EXIT_USAGE;
	}
	try {
		const report = await pruneWarehouse(config.warehouse, { olderThanDays: days, dryRun });
		const verb = dryRun ? 'would remove' : 'removed';
		const byName = [...report.removed].sort((a, b) => a.name.localeCompare(b.name) || a.sha256.localeCompare(b.sha256));
		for (const file of byName) io.stdout.write(`  ${verb} ${file.name} (${fileSize(file.sizeBytes)}, sha256 ${file.sha256.slice(0, 12)}…)\n`);
		const bytes = report.removed.reduce((sum, f) => sum + f.sizeBytes, 0);
		io.stdout.write(
			`prune: ${verb} ${report.removed.length} landed file(s) older than ${days} day(s) loaded into ${report.version ?? '(no published version)'} (${fileSize(bytes)}); kept ${report.kept}\n`
		);
		return 0;
	} catch (error) {
		io.stderr.write(`prune failed: ${(error as Error).message}\n`);
		return 1;
	}
}

/** Runs one command and returns its exit code. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			allowPositionals: true,
			options: {
				...CONFIG_ARG_OPTIONS,
				trigger: { type: 'string' },
				rebuild: { type: 'boolean' },
				limit: { type: 'string' },
				'older-than-days': { type: 'string' },
				'dry-run': { type: 'boolean' },
				help: { type: 'boolean' }
			}
		});
	} catch (error) {
		io.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
		return EXIT_USAGE;
	}
	const { values, positionals } = parsed;
	const command = positionals[0];
	if (values.help || !command) {
		io.stdout.write(`${USAGE}\n`);
		return values.help ? 0 : EXIT_USAGE;
	}
	if (positionals.length > 1 || !['run', 'schedule', 'status', 'prune'].includes(command)) {
		io.stderr.write(`unknown command "${positionals.join(' ')}"\n${USAGE}\n`);
		return EXIT_USAGE;
	}
	const misplaced = [
		values.rebuild && command !== 'run' ? '--rebuild' : null,
		values.trigger !== undefined && command !== 'run' ? '--trigger' : null,
		values.limit !== undefined && command !== 'status' ? '--limit' : null,
		values['older-than-days'] !== undefined && command !== 'prune' ? '--older-than-days' : null,
		values['dry-run'] && command !== 'prune' ? '--dry-run' : null
	].filter((option) => option !== null);
	if (misplaced.length > 0) {
		io.stderr.write(`${misplaced.join(', ')} does not apply to "${command}"\n${USAGE}\n`);
		return EXIT_USAGE;
	}
	const config = await configFrom(io, values);
	if (!config) return EXIT_USAGE;

	if (command === 'prune') return prune(io, config, values['older-than-days'], values['dry-run'] === true);

	if (command === 'status') {
		const limit = Number(values.limit ?? 10);
		if (!Number.isInteger(limit) || limit < 1) {
			io.stderr.write(`--limit must be a positive integer, got "${values.limit}"\n`);
			return EXIT_USAGE;
		}
		const lines = formatStatus(await readCurrent(config.warehouse), await listVersions(config.warehouse), await readRunRecords(config.warehouse, limit));
		io.stdout.write(`${lines.join('\n')}\n`);
		return 0;
	}

	if (command === 'run') {
		const trigger = (values.trigger ?? 'manual') as RunTrigger;
		if (!TRIGGERS.includes(trigger)) {
			io.stderr.write(`--trigger must be one of ${TRIGGERS.join(', ')}, got "${values.trigger}"\n`);
			return EXIT_USAGE;
		}
		const record = await runOnce(io, config, trigger, values.rebuild === true);
		return EXIT_CODES[record.status];
	}

	io.stdout.write(`schedule: "${config.schedule.cron}" (${config.schedule.timezone}) → ${config.warehouse}\n`);
	const task = cron.schedule(
		config.schedule.cron,
		async () => {
			try {
				await runOnce(io, config, 'schedule');
			} catch (error) {
				// Only a broken warehouse directory gets here; keep the schedule alive for the next tick.
				io.stderr.write(`scheduled run could not record itself: ${(error as Error).message}\n`);
			}
		},
		{ timezone: config.schedule.timezone, noOverlap: true, name: 'sang-kien-pipeline' }
	);
	await new Promise<void>((resolve) => {
		const stop = () => {
			void task.stop();
			resolve();
		};
		process.once('SIGINT', stop);
		process.once('SIGTERM', stop);
	});
	return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	process.exit(await main(process.argv.slice(2)));
}
