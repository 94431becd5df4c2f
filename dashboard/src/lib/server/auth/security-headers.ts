// The usual security headers on every dashboard response (the Content-Security-Policy itself comes from kit.csp in svelte.config.js, with its nonces and hashes).
export function securityHeaders(https: boolean): Record<string, string> {
	return {
		'x-content-type-options': 'nosniff',
		'x-frame-options': 'DENY',
		'referrer-policy': 'same-origin',
		'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
		'cross-origin-opener-policy': 'same-origin',
		'cross-origin-resource-policy': 'same-origin',
		...(https ? { 'strict-transport-security': 'max-age=31536000' } : {})
	};
}
