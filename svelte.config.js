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
		// CSRF: SvelteKit's origin check on form posts is on by default; no `csrf.trustedOrigins` are added.
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
