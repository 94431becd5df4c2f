// `npm run users`: create, list, token, revoke-token, disable, enable and reset-password against a temporary auth directory, with exit codes, passwords and tokens printed once, and every change audited without secrets.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { userOfToken } from '../../dashboard/src/lib/server/auth/api-tokens.ts';
import { verifyPassword } from '../../dashboard/src/lib/server/auth/password-hash.ts';
import { UserStore } from '../../dashboard/src/lib/server/auth/user-store.ts';
import { parseArgs, runUsersCli } from './users-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'sk-users-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function users(argv: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
	const out: string[] = [];
	const err: string[] = [];
	const code = await runUsersCli([...argv, '--auth-dir', dir], { out: (l) => out.push(l), err: (l) => err.push(l), env: {}, cwd: dir, readStdin: async () => stdin });
	return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('users command', () => {
	it('parses options and refuses unknown ones', () => {
		expect(parseArgs(['create', 'a', '--role', 'press'])).toMatchObject({ command: 'create', positional: ['a'] });
		expect(parseArgs(['create', 'a', '--role'])).toBe('--role needs a value');
		expect(parseArgs(['create', '--admin'])).toBe('unknown option --admin');
		expect(parseArgs([])).toBe('no command');
	});

	it('creates, lists, mints and revokes tokens, disables (revoking tokens), enables and resets passwords; exit 0/1/2', async () => {
		const created = await users(['create', 'Thanh-Hoa-01', '--role', 'regional', '--unit', 'T38.01']);
		expect(created.code).toBe(0);
		const password = /password \(shown once\): (\S+)/u.exec(created.out)?.[1];
		const store = new UserStore(dir);
		expect(await verifyPassword(password!, store.read().users[0]!.passwordHash)).toBe(true);
		expect((await users(['create', 'thanh-hoa-01', '--role', 'press'])).code).toBe(1);
		expect((await users(['create', 'bad', '--role', 'root'])).code).toBe(2);
		expect((await users(['create', 'khong-don-vi', '--role', 'regional'])).code).toBe(1);
		expect((await users(['frobnicate', 'x'])).code).toBe(2);
		expect((await users(['disable', 'khong-co'])).code).toBe(1);

		const minted = await users(['token', 'thanh-hoa-01', '--label', 'bao cao']);
		const token = /token \(shown once\): (\S+)/u.exec(minted.out)?.[1];
		expect(userOfToken(store.read(), token!)?.username).toBe('thanh-hoa-01');
		const id = token!.split('_')[1]!;
		expect((await users(['list'])).out).toContain(id);
		expect((await users(['revoke-token', 'thanh-hoa-01', id])).code).toBe(0);
		expect(userOfToken(store.read(), token!)).toBeUndefined();

		const second = /token \(shown once\): (\S+)/u.exec((await users(['token', 'thanh-hoa-01'])).out)?.[1];
		expect((await users(['disable', 'thanh-hoa-01'])).code).toBe(0);
		expect((await users(['list'])).out).toMatch(/thanh-hoa-01\s+regional\s+T38\.01\s+disabled tokens: —/u);
		expect((await users(['enable', 'thanh-hoa-01'])).code).toBe(0);
		expect(userOfToken(store.read(), second!)).toBeUndefined();

		expect((await users(['reset-password', 'thanh-hoa-01', '--password-stdin'], 'ngan\n')).code).toBe(1);
		const reset = await users(['reset-password', 'thanh-hoa-01', '--password-stdin'], 'mat-khau-moi-dai\n');
		expect(reset.code).toBe(0);
		expect(reset.out).not.toContain('mat-khau-moi-dai');
		expect(await verifyPassword('mat-khau-moi-dai', store.read().users[0]!.passwordHash)).toBe(true);

		const audit = readFileSync(join(dir, 'audit.jsonl'), 'utf8');
		const events = audit.trim().split('\n').map((l) => JSON.parse(l) as { event: string; actor: string });
		expect(events.map((e) => e.event)).toEqual(['user_created', 'token_created', 'token_revoked', 'token_created', 'user_disabled', 'user_enabled', 'password_reset']);
		expect(events.every((e) => e.actor === 'cli')).toBe(true);
		for (const secret of [password!, token!, second!, 'mat-khau-moi-dai']) expect(audit).not.toContain(secret);
	});
});
