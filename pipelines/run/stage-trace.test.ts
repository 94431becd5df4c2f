// The crash-test hooks print stage boundaries only when asked, and hold the run at the requested boundary.
import { describe, expect, it } from 'vitest';
import { stageTraceFromEnv } from './stage-trace.ts';

describe('stageTraceFromEnv', () => {
	it('is off unless SANG_KIEN_TRACE_STAGES=1', () => {
		expect(stageTraceFromEnv({ env: {} })).toBeUndefined();
		expect(stageTraceFromEnv({ env: { SANG_KIEN_TRACE_STAGES: '0' } })).toBeUndefined();
	});

	it('prints each event and never returns from the stop event', async () => {
		const lines: string[] = [];
		const trace = stageTraceFromEnv({
			env: { SANG_KIEN_TRACE_STAGES: '1', SANG_KIEN_STOP_AT: 'stage:end land' },
			write: (l) => lines.push(l),
			hold: () => new Promise<never>(() => {})
		})!;
		await trace('stage:start land');
		const held = trace('stage:end land');
		const outcome = await Promise.race([held.then(() => 'returned'), new Promise((resolve) => setTimeout(() => resolve('held'), 50))]);
		expect(outcome).toBe('held');
		expect(lines).toEqual(['stage:start land', 'stage:end land']);
	});
});
