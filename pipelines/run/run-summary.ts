// Human-readable summaries of runs for the CLI: the end-of-run summary and the status listing (pure, no personal data).
import type { RunRecord } from './run-log.ts';

const number = (n: number) => n.toLocaleString('en-US');

function durationOf(record: RunRecord): number {
	return Object.values(record.durationsMs).reduce((sum, ms) => sum + ms, 0);
}

function seconds(ms: number): string {
	return `${(ms / 1000).toFixed(1)} s`;
}

/** The lines printed when a run ends. */
export function formatRunSummary(record: RunRecord): string[] {
	const lines = [`run ${record.runId}${record.rebuild ? ' (rebuild)' : ''}: ${record.status}${record.version ? ` → ${record.version}` : ''}`];
	if (record.files.length > 0) {
		const total = (key: 'rowsRead' | 'rowsLoaded' | 'rowsQuarantined' | 'rowsSuperseded') =>
			number(record.files.reduce((sum, f) => sum + f[key], 0));
		const rejected = record.files.filter((f) => f.status === 'rejected').length;
		lines.push(
			`  files: ${record.files.length} ${record.rebuild ? 'staged again' : 'new'}${rejected ? `, ${rejected} rejected` : ''}; rows read ${total('rowsRead')}, loaded ${total('rowsLoaded')}, quarantined ${total('rowsQuarantined')}, superseded ${total('rowsSuperseded')}`
		);
	}
	const steps = Object.entries(record.durationsMs).map(([step, ms]) => {
		const rows = record.rowsPerStage[step];
		return `${step} ${seconds(ms)}${rows === undefined ? '' : ` (${number(rows)})`}`;
	});
	if (steps.length > 0) lines.push(`  steps: ${steps.join(', ')}`, `  total: ${seconds(durationOf(record))}`);
	for (const warning of record.warnings ?? []) lines.push(`  warning: ${warning}`);
	for (const check of record.audit.filter((c) => !c.passed)) lines.push(`  audit failed: ${check.name}: ${check.detail}`);
	if (record.error) lines.push(`  error${record.error.stage ? ` in ${record.error.stage}` : ''}: ${record.error.message}`);
	return lines;
}

/** The `status` listing: the published version and the latest runs, newest first. */
export function formatStatus(current: string | null, versions: string[], runs: RunRecord[]): string[] {
	const lines = [
		`published: ${current ?? '(none yet)'}`,
		`versions kept: ${versions.length === 0 ? '(none)' : versions.join(', ')}`,
		runs.length === 0 ? 'runs: (none yet)' : 'runs (newest first):'
	];
	for (const run of [...runs].reverse()) {
		const files = run.files.length > 0 ? `, ${run.files.length} file(s)` : '';
		const error = run.error ? ` — ${run.error.message}` : '';
		const trigger = run.rebuild ? `${run.trigger}, rebuild` : run.trigger;
		lines.push(`  ${run.runId}  ${trigger.padEnd(8)} ${run.status.padEnd(17)} ${seconds(durationOf(run))}${files}${run.version ? ` → ${run.version}` : ''}${error}`);
	}
	return lines;
}
