// Command line of the simulated portal: `npm run simulate -- --scale <s> --seed <n> --out <dir> [--dirty <rate>] [--schedule full|close]`.
import { parseArgs } from 'node:util';
import { DEFAULT_DIRTY, DEFAULT_SEED, simulate } from './simulate.ts';

const { values } = parseArgs({
	options: {
		scale: { type: 'string', default: '1' },
		seed: { type: 'string', default: String(DEFAULT_SEED) },
		out: { type: 'string', default: 'var/demo/exports' },
		dirty: { type: 'string', default: String(DEFAULT_DIRTY) },
		schedule: { type: 'string', default: 'full' },
		workers: { type: 'string' }
	}
});
const scale = Number(values.scale);
const seed = Number(values.seed);
const dirty = Number(values.dirty);
const workers = values.workers === undefined ? undefined : Number(values.workers);
if (!(scale > 0) || !Number.isInteger(seed) || !(dirty >= 0 && dirty < 0.5) || (values.schedule !== 'full' && values.schedule !== 'close') || (workers !== undefined && !Number.isInteger(workers))) {
	console.error('usage: simulate --scale <s > 0> --seed <integer> --out <dir> [--dirty <0 … 0.5>] [--schedule full|close] [--workers <n>]');
	process.exit(2);
}
const report = await simulate({ scale, seed, dirty, schedule: values.schedule, out: values.out!, workers, log: (m) => console.error(m) });
console.log(`wrote ${report.files} files, ${report.rows} rows, ${(report.bytes / 1e6).toFixed(1)} MB, ${report.faults} faults, ${report.initiatives} initiatives in ${report.seconds.toFixed(1)} s → ${values.out}`);
