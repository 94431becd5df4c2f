// demoLoginHint(warehouse): the first start creates one account per role and prints their passwords once; later starts only say where the accounts are.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserStore } from '../../dashboard/src/lib/server/auth/user-store.ts';
import { verifyPassword } from '../../dashboard/src/lib/server/auth/password-hash.ts';
import { demoLoginHint } from './login-hint.ts';

const dir = mkdtempSync(join(tmpdir(), 'sk-hint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('demo login hint', () => {
	it('creates lanh-dao, thanh-hoa (T38), thanh-hoa-01 (T38.01), bao-chi and quan-tri once, with working printed passwords', async () => {
		const first = demoLoginHint(join(dir, 'warehouse'), {})!;
		const users = new UserStore(join(dir, 'auth')).read().users;
		expect(users.map((u) => [u.username, u.role, u.unitCode ?? null])).toEqual([['lanh-dao', 'leadership', null], ['thanh-hoa', 'regional', 'T38'], ['thanh-hoa-01', 'regional', 'T38.01'], ['bao-chi', 'press', null], ['quan-tri', 'admin', null]]);
		const password = /thanh-hoa\s+(\S+)/u.exec(first)![1]!;
		expect(await verifyPassword(password, users[1]!.passwordHash)).toBe(true);
		const second = demoLoginHint(join(dir, 'warehouse'), {})!;
		expect(second).toContain('npm run users -- reset-password');
		expect(second).not.toContain(password);
	});
});
