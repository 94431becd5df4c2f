// Stage-boundary hooks for crash tests: SANG_KIEN_TRACE_STAGES=1 prints "stage:start <name>" / "stage:end <name>"; SANG_KIEN_STOP_AT=<event> then waits to be killed.
export interface TraceOptions {
	env?: Record<string, string | undefined>;
	write?: (line: string) => void;
}

/** The trace hook for runPipeline, or undefined when tracing is off. */
export function stageTraceFromEnv(options: TraceOptions = {}): ((event: string) => Promise<void>) | undefined {
	const env = options.env ?? process.env;
	if (env.SANG_KIEN_TRACE_STAGES !== '1') return undefined;
	const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
	const stopAt = env.SANG_KIEN_STOP_AT;
	return async (event) => {
		write(event);
		if (event === stopAt) {
			// Hold here (the event loop stays alive) so a test can SIGKILL exactly at this boundary.
			await new Promise<never>(() => setInterval(() => {}, 60_000));
		}
	};
}
