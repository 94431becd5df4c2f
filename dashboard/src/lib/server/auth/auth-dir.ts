// Where accounts, API tokens and the audit log live: SANG_KIEN_AUTH_DIR, else `auth/` beside the warehouse directory (outside every version, so publishing never touches them).
import { dirname, join, resolve } from 'node:path';

/** The auth directory for an environment (the dashboard and `npm run users` resolve it the same way). */
export function authDirectory(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): string {
	if (env.SANG_KIEN_AUTH_DIR?.trim()) return resolve(cwd, env.SANG_KIEN_AUTH_DIR.trim());
	return join(dirname(resolve(cwd, env.SANG_KIEN_WAREHOUSE?.trim() || 'var/warehouse')), 'auth');
}
