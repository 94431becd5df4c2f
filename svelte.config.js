// SvelteKit configuration: the dashboard lives in dashboard/, built by adapter-node into build/.
import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build' }),
		files: {
			src: 'dashboard/src',
			assets: 'dashboard/static'
		}
	}
};

export default config;
