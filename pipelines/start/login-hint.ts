// How to log in to the demo: on the first start (no accounts yet) one account per role is created with generated passwords, printed once; later starts say where the accounts are and how to reset a password.
import { AuditLog } from '../../dashboard/src/lib/server/auth/audit-log.ts';
import { authDirectory } from '../../dashboard/src/lib/server/auth/auth-dir.ts';
import { generatePassword, hashPasswordSync } from '../../dashboard/src/lib/server/auth/password-hash.ts';
import { createUser } from '../../dashboard/src/lib/server/auth/user-accounts.ts';
import { UserStore } from '../../dashboard/src/lib/server/auth/user-store.ts';

/** The demo's accounts: one per role (regional unions: Thanh Hóa's federation, T38, and its first upper-level union, T38.01). */
export const DEMO_ACCOUNTS = [
	{ username: 'lanh-dao', role: 'leadership', label: 'lãnh đạo Tổng Liên đoàn' },
	{ username: 'thanh-hoa', role: 'regional', unitCode: 'T38', label: 'LĐLĐ Thanh Hóa (T38)' },
	{ username: 'thanh-hoa-01', role: 'regional', unitCode: 'T38.01', label: 'công đoàn cấp trên cơ sở T38.01 (Thanh Hóa)' },
	{ username: 'bao-chi', role: 'press', label: 'báo chí' },
	{ username: 'quan-tri', role: 'admin', label: 'quản trị' }
] as const;

/** Lines telling how to log in to the demo dashboard (the warehouse locates the auth directory, as in the dashboard). */
export function demoLoginHint(warehouse?: string, env: Record<string, string | undefined> = process.env): string | null {
	const dir = authDirectory({ SANG_KIEN_AUTH_DIR: env.SANG_KIEN_AUTH_DIR, SANG_KIEN_WAREHOUSE: warehouse ?? env.SANG_KIEN_WAREHOUSE });
	const store = new UserStore(dir);
	if (store.read().users.length > 0) {
		return `accounts in ${store.file} (npm run users -- list); a forgotten password: npm run users -- reset-password <name>`;
	}
	const audit = new AuditLog(dir);
	const lines = [`demo accounts created in ${store.file}; passwords are shown only now (npm run users -- reset-password <name> makes a new one):`];
	for (const account of DEMO_ACCOUNTS) {
		const password = generatePassword();
		const unitCode = 'unitCode' in account ? account.unitCode : undefined;
		const result = store.update((file) => createUser(file, { username: account.username, role: account.role, unitCode, passwordHash: hashPasswordSync(password) }, new Date().toISOString()));
		if (!result.ok) return `could not create the demo accounts: ${result.error}`;
		audit.append({ event: 'user_created', actor: 'npm start', target: account.username, detail: { role: account.role, unit: unitCode ?? null } });
		lines.push(`  ${account.username.padEnd(12)} ${password}   ${account.label}`);
	}
	return lines.join('\n');
}
