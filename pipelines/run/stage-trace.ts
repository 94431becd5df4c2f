// Stage-boundary hooks for crash tests: SANG_KIEN_TRACE_STAGES=1 prints "stage:start <name>" / "stage:end <name>"; SANG_KIEN_STOP_AT=<event> then waits to be killed.
export interface TraceOptions {
	env?: Record<string, string | undefined>;
	write?: (line: string) => void;
	/** How the run is held at the stop event; by default forever, with the event loop kept alive. */
	hold?: () => Promise<never>;
}

/** The trace hook for runPipeline, or undefined when tracing is off. */
export function stageTraceFromEnv(options: TraceOptions = {}): ((event: string) => Promise<void>) | undefined {
	const env = options.env ?? process.env;
	if (env.SANG_KIEN_TRACE_STAGES !== '1') return undefined;
	const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
	const hold = options.hold ?? (() => new Promise<never>(() => setInterval(() => {}, 60_000)));
	const stopAt = env.SANG_KIEN_STOP_AT;
	return async (event) => {
		write(event);
		// Held here so a test can SIGKILL exactly at this boundary.
		if (event === stopAt) await hold();
	};
}
