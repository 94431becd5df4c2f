// Vite configuration for the SvelteKit dashboard (tests use vitest.config.ts instead).
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
	plugins: [sveltekit()]
});
