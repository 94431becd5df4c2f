// One pipeline run for `npm start` (a child process): the configured pipeline against the demo portal, with download progress and the summary.
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/load-config.ts';
import { fetchSources } from '../fetch/fetch-sources.ts';
import { defaultStages } from '../run/default-stages.ts';
import type { PipelineStages } from '../run/pipeline-stages.ts';
import { runPipeline } from '../run/run-pipeline.ts';
import { EXIT_CODES, type RunTrigger } from '../run/run-log.ts';
import { streamReporter, type RunReporter } from '../run/run-reporter.ts';
import { formatRunSummary } from '../run/run-summary.ts';
import { stageTraceFromEnv } from '../run/stage-trace.ts';
import { fetchWithProgress } from './fetch-progress.ts';

/** The default stages, with portal downloads reported as progress. */
export function stagesWithProgress(reporter: RunReporter): PipelineStages {
	const fetch = fetchWithProgress(reporter);
	return {
		...defaultStages,
		fetchSources: (config, ctx) =>
			fetchSources(config.sources, { warehouseDir: config.warehouse, token: config.portal.token, http: config.http, log: ctx.log, fetch })
	};
}

async function main(): Promise<number> {
	const { values } = parseArgs({ options: { source: { type: 'string' }, warehouse: { type: 'string' }, trigger: { type: 'string', default: 'start' } } });
	const loaded = await loadConfig({ cli: { sources: values.source ? [values.source] : undefined, warehouse: values.warehouse } });
	if (!loaded.ok) {
		for (const error of loaded.errors) process.stderr.write(`config: ${error}\n`);
		return 2;
	}
	const reporter = streamReporter(process.stdout);
	const record = await runPipeline(loaded.config, {
		trigger: values.trigger as RunTrigger,
		stages: stagesWithProgress(reporter),
		reporter,
		trace: stageTraceFromEnv()
	});
	for (const line of formatRunSummary(record)) reporter.line(line);
	return EXIT_CODES[record.status];
}

// Started by `npm start` with an IPC channel: when that process dies without stopping us, stop too (a kill is crash-safe).
process.once('disconnect', () => process.exit(1));
process.exit(await main());
