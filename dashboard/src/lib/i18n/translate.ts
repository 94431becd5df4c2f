// Looks up a UI string in the page language and fills its {placeholders}.
import type { Language } from '../../../../queries/format/vi-format.ts';
import { MESSAGES, type MessageKey } from './messages.ts';

export type { Language };

/** The UI string of a key in a language; `{name}` placeholders are filled from `values`. */
export function t(key: MessageKey, language: Language = 'vi', values: Record<string, string | number> = {}): string {
	const text = MESSAGES[key][language];
	return text.replace(/\{(\w+)\}/gu, (match, name: string) => (name in values ? String(values[name]) : match));
}

/** A translator bound to one language, for a page: `const tr = translator(lang); tr('nav.overview')`. */
export function translator(language: Language): (key: MessageKey, values?: Record<string, string | number>) => string {
	return (key, values) => t(key, language, values);
}
