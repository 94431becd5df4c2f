// Vitest configuration: every test in the repository, run by `npm test`, with the time zone pinned.
import { defineConfig } from 'vitest/config';

process.env.TZ = 'Asia/Ho_Chi_Minh';

export default defineConfig({
	test: {
		include: ['{pipelines,warehouse,queries,dashboard}/**/*.test.ts'],
		exclude: ['**/node_modules/**', 'build/**', '.svelte-kit/**'],
		environment: 'node',
		// Many tests spawn pipeline runs, builds or Chromium: on a loaded 2-core machine one can take minutes (a hang still fails).
		testTimeout: 300_000,
		hookTimeout: 600_000,
		pool: 'forks',
		// Most tests wait on DuckDB files, child processes or Chromium: two at a time keeps both cores busy.
		maxWorkers: 2,
		env: { TZ: 'Asia/Ho_Chi_Minh' }
	}
});
