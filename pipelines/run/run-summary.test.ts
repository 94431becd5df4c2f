// The run summary and status listing name the outcome, the row counts, the slow steps and the reason of a failure.
import { describe, expect, it } from 'vitest';
import type { RunRecord } from './run-log.ts';
import { formatRunSummary, formatStatus } from './run-summary.ts';

const run: RunRecord = {
	runId: 'r20230831-120000-ab12',
	trigger: 'schedule',
	startedAt: '2023-08-31T12:00:00',
	endedAt: '2023-08-31T12:00:03',
	status: 'rejected_by_audit',
	version: null,
	baseVersion: 'v000001-r20230830-120000-ab12',
	files: [
		{ name: 'don-vi_20230831-1200.csv', sha256: 'a', dataset: 'units', scope: null, status: 'loaded', rowsRead: 10, rowsLoaded: 9, rowsQuarantined: 1, rowsSuperseded: 0 },
		{ name: 'sang-kien_T38_20230831-1200.csv', sha256: 'b', dataset: 'initiatives', scope: 'T38', status: 'rejected', rowsRead: 1500, rowsLoaded: 0, rowsQuarantined: 1500, rowsSuperseded: 0 }
	],
	rowsPerStage: { stage_units: 10 },
	durationsMs: { fetch: 1200, stage_units: 300, audit: 1500 },
	audit: [
		{ name: 'identity', passed: true, detail: 'ok' },
		{ name: 'no_drop', passed: false, detail: 'valid fell 12% in T38' }
	],
	warnings: [],
	error: { message: 'audit failed: no_drop', stage: 'audit' }
};

describe('formatRunSummary', () => {
	it('names the outcome, totals, step times and failed checks', () => {
		expect(formatRunSummary(run)).toEqual([
			'run r20230831-120000-ab12: rejected_by_audit',
			'  files: 2 new, 1 rejected; rows read 1,510, loaded 9, quarantined 1,501, superseded 0',
			'  steps: fetch 1.2 s, stage_units 0.3 s (10), audit 1.5 s',
			'  total: 3.0 s',
			'  audit failed: no_drop: valid fell 12% in T38',
			'  error in audit: audit failed: no_drop'
		]);
	});
});

describe('formatStatus', () => {
	it('lists the published version and runs newest first', () => {
		const older: RunRecord = { ...run, runId: 'r20230830-120000-0000', status: 'published', version: 'v000001-r20230830-120000-0000', files: [], error: null, durationsMs: {} };
		const lines = formatStatus('v000001-r20230830-120000-0000', ['v000001-r20230830-120000-0000'], [older, run]);
		expect(lines[0]).toBe('published: v000001-r20230830-120000-0000');
		expect(lines[3]).toMatch(/^ {2}r20230831-120000-ab12 {2}schedule rejected_by_audit +3\.0 s, 2 file\(s\) — audit failed: no_drop$/u);
		expect(lines[4]).toMatch(/published +0\.0 s → v000001/u);
	});
});
