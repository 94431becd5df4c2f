// The registry of benchmarks run by `npm run bench [-- <name>]`; add an entry to register a new one.
import { queryBenchmarks } from '../../queries/bench/query-bench.ts';
import { pageBenchmarks } from './page-bench.ts';
import { pipelineBenchmarks } from './pipeline-bench.ts';
import { simulateBenchmarks } from './simulate-bench.ts';

export interface BenchResult {
	/** Row label, e.g. "simulate scale 1". */
	case: string;
	/** Measured values by column name (seconds, MB, rows …). */
	values: Record<string, number | string>;
}

export interface Benchmark {
	name: string;
	description: string;
	run: () => Promise<BenchResult[]>;
}

export const benchmarks: Benchmark[] = [...simulateBenchmarks, ...pipelineBenchmarks, ...queryBenchmarks, ...pageBenchmarks];
