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
		},
		// Forms are accepted only from this origin (CSRF); the default, kept explicit.
		csrf: { checkOrigin: true },
		// Scripts only from this origin (SvelteKit's own inline script by hash/nonce); inline style attributes for charts; no framing.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
