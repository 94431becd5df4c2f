// Ambient types for the SvelteKit dashboard (locals, page data, errors).
import type { Language } from '../../queries/format/vi-format.ts';

declare global {
	namespace App {
		interface Error {
			message: string;
			code?: string;
		}
		interface Locals {
			language: Language;
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
