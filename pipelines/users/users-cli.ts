// `npm run users -- create|disable|enable|reset-password|list|token|revoke-token`: local accounts of the dashboard in <auth dir>/users.json (the dashboard reloads it on change); every change is audited.
import { AuditLog } from '../../dashboard/src/lib/server/auth/audit-log.ts';
import { authDirectory } from '../../dashboard/src/lib/server/auth/auth-dir.ts';
import { publicUser } from '../../dashboard/src/lib/server/auth/user-accounts.ts';
import { createAccount, createToken, deleteToken, resetPassword, setAccountDisabled, type AdminContext } from '../../dashboard/src/lib/server/auth/user-admin.ts';
import { UserStore } from '../../dashboard/src/lib/server/auth/user-store.ts';
import { ROLES } from '../../queries/viewer.ts';

export const USAGE = `usage: npm run users -- <command> [--auth-dir <dir>]
  create <username> --role leadership|regional|press|admin [--unit <T38 | T38.07>] [--password-stdin]
  disable <username> | enable <username>     disabling ends the account's sessions and revokes its API tokens
  reset-password <username> [--password-stdin] so does a new password
  list
  token <username> [--label <text>]          prints a new API token once (Authorization: Bearer …)
  revoke-token <username> <token-id>
The auth directory is --auth-dir, else SANG_KIEN_AUTH_DIR, else auth/ beside SANG_KIEN_WAREHOUSE (default var/auth).
Without --password-stdin a password is generated and printed once.`;

export interface CliIo {
	out: (line: string) => void;
	err: (line: string) => void;
	env: Record<string, string | undefined>;
	cwd: string;
	readStdin: () => Promise<string>;
}

interface Parsed {
	command: string;
	positional: string[];
	options: Map<string, string | true>;
}

/** Splits argv into command, positional arguments and --options (pure). */
export function parseArgs(argv: string[]): Parsed | string {
	const [command, ...rest] = argv;
	if (!command) return 'no command';
	const positional: string[] = [];
	const options = new Map<string, string | true>();
	for (let i = 0; i < rest.length; i++) {
		const arg = rest[i]!;
		if (arg === '--password-stdin') options.set(arg, true);
		else if (['--role', '--unit', '--label', '--auth-dir'].includes(arg)) {
			const value = rest[++i];
			if (value === undefined) return `${arg} needs a value`;
			options.set(arg, value);
		} else if (arg.startsWith('--')) return `unknown option ${arg.slice(0, 40)}`;
		else positional.push(arg);
	}
	return { command, positional, options };
}

/** Runs one users command; returns the exit code (0 ok, 1 refused, 2 bad command line). */
export async function runUsersCli(argv: string[], io: CliIo): Promise<number> {
	const parsed = parseArgs(argv);
	if (typeof parsed === 'string') {
		io.err(`users: ${parsed}\n${USAGE}`);
		return 2;
	}
	const { command, positional, options } = parsed;
	const dirOption = options.get('--auth-dir');
	const dir = typeof dirOption === 'string' ? authDirectory({ SANG_KIEN_AUTH_DIR: dirOption }, io.cwd) : authDirectory(io.env, io.cwd);
	const context: AdminContext = { users: new UserStore(dir), audit: new AuditLog(dir), actor: 'cli' };
	const name = positional[0]?.toLowerCase();
	const needName = () => {
		if (!name) io.err(`users: ${command} needs a username\n${USAGE}`);
		return !!name;
	};
	const password = async () => (options.has('--password-stdin') ? (await io.readStdin()).replace(/\r?\n$/u, '') : undefined);
	const report = (result: { ok: true; password?: string; token?: string } | { ok: false; error: string }, done: string): number => {
		if (!result.ok) {
			io.err(`users: ${result.error}`);
			return 1;
		}
		io.out(done);
		if (result.password) io.out(`password (shown once): ${result.password}`);
		if (result.token) io.out(`token (shown once): ${result.token}`);
		return 0;
	};
	switch (command) {
		case 'create': {
			if (!needName()) return 2;
			const role = options.get('--role');
			const unit = options.get('--unit');
			if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
				io.err(`users: create needs --role ${ROLES.join('|')}`);
				return 2;
			}
			return report(await createAccount(context, { username: name!, role, unitCode: typeof unit === 'string' ? unit : undefined, password: await password() }), `created ${name} (${role}${typeof unit === 'string' ? ` ${unit}` : ''}) in ${dir}`);
		}
		case 'disable':
		case 'enable':
			if (!needName()) return 2;
			return report(setAccountDisabled(context, name!, command === 'disable'), command === 'disable' ? `disabled ${name}; its sessions end and its API tokens are revoked` : `enabled ${name}`);
		case 'reset-password':
			if (!needName()) return 2;
			return report(await resetPassword(context, name!, await password()), `new password for ${name}; its sessions end and its API tokens are revoked`);
		case 'token': {
			if (!needName()) return 2;
			const label = options.get('--label');
			return report(createToken(context, name!, typeof label === 'string' ? label : 'script'), `new API token for ${name} (use: curl -H "Authorization: Bearer <token>" …/xuat/tong-so/csv)`);
		}
		case 'revoke-token':
			if (!needName() || !positional[1]) return 2;
			return report(deleteToken(context, name!, positional[1]), `revoked token ${positional[1]} of ${name}`);
		case 'list': {
			const users = context.users.read().users.map(publicUser);
			if (users.length === 0) io.out(`no accounts in ${dir}`);
			for (const u of users) io.out(`${u.username.padEnd(20)} ${u.role.padEnd(10)} ${(u.unitCode ?? '').padEnd(10)} ${u.disabled ? 'disabled' : 'active  '} tokens: ${u.tokens.map((t) => t.id).join(', ') || '—'}`);
			return 0;
		}
		default:
			io.err(`users: unknown command ${command.slice(0, 40)}\n${USAGE}`);
			return 2;
	}
}

async function readStdin(): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const code = await runUsersCli(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l), env: process.env, cwd: process.cwd(), readStdin });
	process.exitCode = code;
}
