// Ambient types for the SvelteKit dashboard (locals, page data, errors).
import type { Language } from '../../queries/format/vi-format.ts';
import type { Viewer } from '../../queries/viewer.ts';
import type { SignedIn } from '$lib/server/auth/auth-service.ts';

declare global {
	namespace App {
		interface Error {
			message: string;
			code?: string;
		}
		interface Locals {
			language: Language;
			/** The signed-in account (hooks.server.ts), undefined when anonymous. */
			user?: SignedIn;
			viewer?: Viewer;
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
