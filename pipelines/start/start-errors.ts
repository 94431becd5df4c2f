// The ways `npm start` can stop, each with its own exit status, and the mapping of low-level errors onto them.

export const START_EXIT = {
	/** Stopped by SIGINT/SIGTERM (a clean shutdown). */
	stopped: 0,
	unexpected: 1,
	config: 2,
	portInUse: 3,
	diskFull: 4,
	generationFailed: 5,
	firstRunFailed: 6,
	dashboardBuildFailed: 7,
	dashboardFailed: 8
} as const;

export type StartErrorCode = Exclude<keyof typeof START_EXIT, 'stopped'>;

/** An expected failure of the start flow: a short message naming the thing, and an exit status. */
export class StartError extends Error {
	readonly code: StartErrorCode;
	constructor(code: StartErrorCode, message: string) {
		super(message);
		this.code = code;
	}
	get exitCode(): number {
		return START_EXIT[this.code];
	}
}

/** True when a message or errno says the disk is full. */
export function isDiskFull(error: unknown): boolean {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	const text = error instanceof Error ? error.message : String(error);
	return code === 'ENOSPC' || code === 'EDQUOT' || /ENOSPC|no space left on device|disk quota exceeded/iu.test(text);
}

/** The StartError of anything thrown: StartErrors pass, a full disk becomes diskFull, the rest fall back to `fallback`. */
export function asStartError(error: unknown, fallback: StartErrorCode = 'unexpected'): StartError {
	if (error instanceof StartError) return error;
	const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
	if (isDiskFull(error)) return new StartError('diskFull', `disk full: ${message}`);
	return new StartError(fallback, message);
}
