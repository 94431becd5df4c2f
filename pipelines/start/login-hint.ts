// HOOK for access control: once the dashboard has logins, return how to log in to the demo (printed after the URL); null until then.

/** How to log in to the demo dashboard, or null while the dashboard has no access control. */
export function demoLoginHint(): string | null {
	return null;
}
