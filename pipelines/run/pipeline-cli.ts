// `npm run pipeline -- run | schedule | status`: runs the warehouse pipeline once, on a schedule, or shows the last runs (exit codes in README.md).
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import cron from 'node-cron';
import { listVersions, readCurrent } from '../../warehouse/versions/version-files.ts';
import { CONFIG_ARG_OPTIONS, loadConfig } from '../config/load-config.ts';
import type { PipelineConfig } from '../config/pipeline-config.ts';
import { defaultStages } from './default-stages.ts';
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

options:
  --source <dir|url>   export source (repeatable; replaces the configured sources)
  --warehouse <dir>    warehouse directory (default var/warehouse)
  --config <file>      configuration file (default sang-kien.config.json)
  --trigger <t>        run only: manual | schedule | start (default manual)
  --limit <n>          status only: runs to list (default 10)

exit codes (run): 0 published, 10 nothing new, 20 rejected by audit, 1 failed, 2 usage or configuration error`;

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

async function runOnce(io: CliIo, config: PipelineConfig, trigger: RunTrigger): Promise<RunRecord> {
	const reporter = streamReporter(io.stdout);
	const trace = stageTraceFromEnv({ env: io.env, write: (line) => io.stdout.write(`${line}\n`) });
	const record = await runPipeline(config, { trigger, stages: defaultStages, reporter, trace });
	for (const line of formatRunSummary(record)) reporter.line(line);
	return record;
}

/** Runs one command and returns its exit code. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			allowPositionals: true,
			options: { ...CONFIG_ARG_OPTIONS, trigger: { type: 'string' }, limit: { type: 'string' }, help: { type: 'boolean' } }
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
	if (positionals.length > 1 || !['run', 'schedule', 'status'].includes(command)) {
		io.stderr.write(`unknown command "${positionals.join(' ')}"\n${USAGE}\n`);
		return EXIT_USAGE;
	}
	const config = await configFrom(io, values);
	if (!config) return EXIT_USAGE;

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
		const record = await runOnce(io, config, trigger);
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
