// How a run reports progress: progress bars on a TTY, plain log lines otherwise, silence in tests.
export interface RunReporter {
	/** One line of log (no personal data). */
	line(text: string): void;
	/** Progress of a long step, e.g. files staged so far. */
	progress(step: string, done: number, total: number): void;
}

export const silentReporter: RunReporter = { line: () => {}, progress: () => {} };

/** A bar such as "[#####·····] stage_initiatives 5/10" (pure). */
export function progressBar(step: string, done: number, total: number, width = 20): string {
	const filled = total > 0 ? Math.round((done / total) * width) : width;
	return `[${'#'.repeat(filled)}${'·'.repeat(width - filled)}] ${step} ${done}/${total}`;
}

/** Where the CLI writes: process.stdout or anything with write (and isTTY when it is a terminal). */
export interface TextOutput {
	write(text: string): unknown;
	isTTY?: boolean;
}

/** Writes to a stream: a redrawn bar when it is a TTY, a line per file otherwise. */
export function streamReporter(stream: TextOutput = process.stdout): RunReporter {
	const tty = stream.isTTY === true;
	let barShown = false;
	return {
		line(text) {
			if (barShown) stream.write('\n');
			barShown = false;
			stream.write(`${text}\n`);
		},
		progress(step, done, total) {
			if (tty) {
				stream.write(`\r${progressBar(step, done, total)}`);
				barShown = done < total;
				if (done >= total) stream.write('\n');
			} else {
				stream.write(`${step} ${done}/${total}\n`);
			}
		}
	};
}
