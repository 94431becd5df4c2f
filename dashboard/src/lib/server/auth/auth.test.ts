// The auth parts with injected clocks: scrypt hashes, sessions (idle, absolute, epoch, fresh ids, persisted across a restart), lockout backoff, tokens, route access, return paths, the users file and the audit log.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { newToken, userOfToken } from './api-tokens.ts';
import { AuditLog, redactFilters } from './audit-log.ts';
import { AuthService } from './auth-service.ts';
import { LoginThrottle, lockMs, THROTTLE_POLICY } from './login-throttle.ts';
import { generatePassword, hashPassword, parseHash, passwordProblem, verifyPassword } from './password-hash.ts';
import { routeAccess, safeReturnPath } from './route-access.ts';
import { parseSessionsFile, SESSION_POLICY, SessionStore } from './sessions.ts';
import { addToken, createUser, EMPTY_USERS, setDisabled, setPassword } from './user-accounts.ts';
import { createAccount, createToken, resetPassword, setAccountDisabled } from './user-admin.ts';
import { UserStore } from './user-store.ts';

const dirs: string[] = [];
const tempDir = () => {
	const dir = mkdtempSync(join(tmpdir(), 'sk-auth-'));
	dirs.push(dir);
	return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('auth', () => {
	it('hashPassword uses scrypt N=2^15 r=8 p=1 with a per-user salt; verifyPassword is exact and refuses unknown users', async () => {
		const [a, b] = await Promise.all([hashPassword('correct horse battery'), hashPassword('correct horse battery')]);
		expect(a).not.toBe(b);
		expect(parseHash(a)).toMatchObject({ N: 32768, r: 8, p: 1 });
		expect(await verifyPassword('correct horse battery', a)).toBe(true);
		expect(await verifyPassword('correct horse batterY', a)).toBe(false);
		expect(await verifyPassword('anything', undefined)).toBe(false);
		expect(await verifyPassword('anything', 'plain-text')).toBe(false);
		expect(passwordProblem('short')).toMatch(/at least 10/u);
		expect(generatePassword()).toMatch(/^[\w]{4}-[\w]{4}-[\w]{4}-[\w]{4}$/u);
	});

	it('sessions: fresh ids, idle 30 min and absolute 8 h expiry', () => {
		let now = 0;
		const store = new SessionStore(SESSION_POLICY, () => now);
		const id = store.create('a', 0);
		expect(store.create('a', 0)).not.toBe(id);
		now += 29 * 60_000;
		expect(store.get(id)?.username).toBe('a');
		now += 31 * 60_000;
		expect(store.get(id)).toBeUndefined();
		const long = store.create('a', 0);
		for (let i = 0; i < 17; i++) {
			now += 29 * 60_000;
			store.get(long);
		}
		expect(store.get(long)).toBeUndefined();
		expect(store.get('not-a-session')).toBeUndefined();
	});

	it('sessions persist hashed in a file: a new store (a restart) keeps live sessions, drops expired ones, and never holds the id', () => {
		const dir = tempDir();
		const file = join(dir, 'sessions.json');
		let now = 1_000_000;
		let byte = 0;
		const random = (n: number) => Buffer.alloc(n, ++byte);
		const before = new SessionStore(SESSION_POLICY, () => now, random, file);
		const kept = before.create('a', 3);
		const ended = before.create('b', 0);
		const idle = before.create('c', 0);
		before.destroy(ended);
		now += 20 * 60_000;
		before.get(kept);
		const text = readFileSync(file, 'utf8');
		expect(statSync(file).mode & 0o777).toBe(0o600);
		for (const id of [kept, ended, idle]) expect(text).not.toContain(id);
		now += 15 * 60_000;
		const after = new SessionStore(SESSION_POLICY, () => now, random, file);
		expect(after.get(kept)).toMatchObject({ username: 'a', epoch: 3 });
		expect(after.get(ended)).toBeUndefined();
		expect(after.get(idle)).toBeUndefined();
		expect(after.size).toBe(1);
		expect(after.endAll('a')).toBe(1);
		expect(new SessionStore(SESSION_POLICY, () => now, random, file).get(kept)).toBeUndefined();
		expect(parseSessionsFile('{"version":1,"sessions":{"not-a-hash":{"username":"x","epoch":0,"createdAt":0,"lastSeenAt":0}}}').size).toBe(0);
		expect(parseSessionsFile('damaged').size).toBe(0);
	});

	it('a session of the persisted file ends when the account is disabled or its password reset by another process (the users command)', async () => {
		const dir = tempDir();
		const audit = new AuditLog(dir);
		const cli = { users: new UserStore(dir), audit, actor: 'cli' };
		await createAccount(cli, { username: 'bao-chi', role: 'press', password: 'mat-khau-dai-2' });
		const first = new AuthService(new UserStore(dir), new SessionStore(SESSION_POLICY, () => 5_000, undefined, join(dir, 'sessions.json')), new LoginThrottle(), audit);
		const login = await first.login('bao-chi', 'mat-khau-dai-2', '127.0.0.1');
		if (!login.ok) throw new Error('login failed');
		const restarted = () => new AuthService(new UserStore(dir), new SessionStore(SESSION_POLICY, () => 5_000, undefined, join(dir, 'sessions.json')), new LoginThrottle(), audit);
		expect(restarted().fromSession(login.sessionId)?.user.username).toBe('bao-chi');
		await resetPassword(cli, 'bao-chi', 'mat-khau-moi-3');
		expect(restarted().fromSession(login.sessionId)).toBeUndefined();
	});

	it('lockout: 5 free failures per account, then 1, 2, 4 … min up to 1 h; the address has its own allowance', () => {
		expect([4, 5, 6, 7, 30].map((f) => lockMs(f, 5, THROTTLE_POLICY))).toEqual([0, 60_000, 120_000, 240_000, 3_600_000]);
		let now = 0;
		const throttle = new LoginThrottle(THROTTLE_POLICY, () => now);
		for (let i = 0; i < 4; i++) throttle.fail('a', '1.1.1.1');
		expect(throttle.retryAfter('a', '1.1.1.1')).toBe(0);
		throttle.fail('a', '1.1.1.1');
		expect(throttle.retryAfter('a', '2.2.2.2')).toBe(60_000);
		expect(throttle.retryAfter('b', '1.1.1.1')).toBe(0);
		now += 60_001;
		expect(throttle.retryAfter('a', '1.1.1.1')).toBe(0);
		throttle.fail('a', '1.1.1.1');
		expect(throttle.retryAfter('a', '1.1.1.1')).toBe(120_000);
		for (let i = 0; i < 20; i++) throttle.fail(`u${i}`, '9.9.9.9');
		expect(throttle.retryAfter('someone-else', '9.9.9.9')).toBeGreaterThan(0);
	});

	it('tokens are stored as sha256 only and stop working when the account is disabled', () => {
		// Fixed bytes: tests never depend on randomness.
		const { token, stored } = newToken('script', 't', (n) => Buffer.alloc(n, 0x5a));
		expect(JSON.stringify(stored)).not.toContain(token.split('_')[2]);
		const created = createUser(EMPTY_USERS, { username: 'bot', role: 'press', passwordHash: 'x' }, 't');
		if (!created.ok) throw new Error(created.error);
		const withToken = addToken(created.file, 'bot', stored, 't');
		if (!withToken.ok) throw new Error(withToken.error);
		expect(userOfToken(withToken.file, token)?.username).toBe('bot');
		const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
		expect(userOfToken(withToken.file, tampered)).toBeUndefined();
		const disabled = setDisabled(withToken.file, 'bot', true, 't');
		expect(disabled.ok && userOfToken(disabled.file, token)).toBeFalsy();
		// Disabling revokes the tokens: enabling the account again does not bring them back; a new password revokes them too.
		const enabled = disabled.ok ? setDisabled(disabled.file, 'bot', false, 't') : disabled;
		expect(enabled.ok && userOfToken(enabled.file, token)).toBeFalsy();
		const reset = setPassword(withToken.file, 'bot', 'y', 't');
		expect(reset.ok && userOfToken(reset.file, token)).toBeFalsy();
		expect(reset.ok && reset.file.users[0]!.tokens).toEqual([]);
	});

	it('admin changes end the dashboard\'s sessions of the account at once and audit how many tokens and sessions ended', async () => {
		const dir = tempDir();
		const audit = new AuditLog(dir);
		const sessions = new SessionStore();
		const admin = { users: new UserStore(dir), audit, actor: 'quan-tri', sessions };
		await createAccount(admin, { username: 'thanh-hoa', role: 'regional', unitCode: 'T38', password: 'mat-khau-dai-4' });
		const made = createToken(admin, 'thanh-hoa', 'script');
		const service = new AuthService(admin.users, sessions, new LoginThrottle(), audit);
		const login = await service.login('thanh-hoa', 'mat-khau-dai-4', '127.0.0.1');
		expect(login.ok && made.ok && service.fromToken(made.token!)?.user.username).toBe('thanh-hoa');
		expect(setAccountDisabled(admin, 'thanh-hoa', true)).toEqual({ ok: true });
		expect(sessions.size).toBe(0);
		expect(made.ok && service.fromToken(made.token!)).toBeUndefined();
		expect(audit.tail(1)[0]).toMatchObject({ event: 'user_disabled', actor: 'quan-tri', target: 'thanh-hoa', detail: { tokensRevoked: 1, sessionsEnded: 1 } });
		setAccountDisabled(admin, 'thanh-hoa', false);
		expect(made.ok && service.fromToken(made.token!)).toBeUndefined();
	});

	it('accounts: names, roles and regional units are validated', () => {
		expect(createUser(EMPTY_USERS, { username: 'Bad Name', role: 'press', passwordHash: 'x' }, 't')).toMatchObject({ ok: false });
		expect(createUser(EMPTY_USERS, { username: 'ok-name', role: 'root', passwordHash: 'x' }, 't')).toMatchObject({ ok: false });
		expect(createUser(EMPTY_USERS, { username: 'ok-name', role: 'regional', passwordHash: 'x' }, 't')).toMatchObject({ ok: false });
		expect(createUser(EMPTY_USERS, { username: 'ok-name', role: 'regional', unitCode: 'T38.07.0153', passwordHash: 'x' }, 't')).toMatchObject({ ok: false });
		expect(createUser(EMPTY_USERS, { username: 'ok-name', role: 'regional', unitCode: 'T38.07', passwordHash: 'x' }, 't')).toMatchObject({ ok: true });
		expect(createUser(EMPTY_USERS, { username: 'ok-name', role: 'press', unitCode: 'T38', passwordHash: 'x' }, 't')).toMatchObject({ ok: false });
	});

	it('route access: login page open, anonymous → login/401, roles → 403, admin home → /quan-tri; return paths stay local', () => {
		expect(routeAccess('/dang-nhap', undefined).kind).toBe('open');
		expect(routeAccess('/', undefined).kind).toBe('login');
		expect(routeAccess('/xuat/tong-so/csv', undefined).kind).toBe('unauthorized');
		expect(routeAccess('/sang-kien/X', 'press').kind).toBe('forbidden');
		expect(routeAccess('/xuat/tac-gia/csv', 'press').kind).toBe('forbidden');
		expect(routeAccess('/xuat/tong-so/csv', 'press').kind).toBe('allow');
		expect(routeAccess('/quan-tri', 'leadership').kind).toBe('forbidden');
		expect(routeAccess('/', 'admin')).toEqual({ kind: 'redirect', to: '/quan-tri' });
		expect(['//evil.example', 'https://evil.example', '/\\evil', '/dang-xuat', null].map(safeReturnPath)).toEqual(['/', '/', '/', '/', '/']);
		expect(safeReturnPath('/don-vi/T38?asOf=2022-04-20T08:00')).toBe('/don-vi/T38?asOf=2022-04-20T08:00');
	});

	it('the users file is written atomically with mode 0600 and reread on change; a disable or password reset ends sessions; the audit log has no password', async () => {
		const dir = tempDir();
		const audit = new AuditLog(dir);
		const service = new AuthService(new UserStore(dir), new SessionStore(), new LoginThrottle(), audit);
		const other = new UserStore(dir);
		const created = await createAccount({ users: other, audit, actor: 'cli' }, { username: 'thanh-hoa', role: 'regional', unitCode: 'T38', password: 'mat-khau-dai-1' });
		expect(created).toEqual({ ok: true });
		expect(statSync(other.file).mode & 0o777).toBe(0o600);
		const login = await service.login('Thanh-Hoa', 'mat-khau-dai-1', '127.0.0.1');
		if (!login.ok) throw new Error('login failed');
		expect(service.fromSession(login.sessionId)?.viewer).toEqual({ role: 'regional', unitCode: 'T38', userId: 'thanh-hoa' });
		const reset = await resetPassword({ users: other, audit, actor: 'cli' }, 'thanh-hoa');
		expect(reset.ok && reset.password).toBeTruthy();
		expect(service.fromSession(login.sessionId)).toBeUndefined();
		const again = await service.login('thanh-hoa', reset.ok ? reset.password! : '', '127.0.0.1');
		expect(again.ok).toBe(true);
		setAccountDisabled({ users: other, audit, actor: 'cli' }, 'thanh-hoa', true);
		expect(again.ok && service.fromSession(again.sessionId)).toBeUndefined();
		expect((await service.login('thanh-hoa', reset.ok ? reset.password! : '', '127.0.0.1')).ok).toBe(false);
		const log = readFileSync(audit.file, 'utf8');
		expect(log).not.toContain('mat-khau-dai-1');
		expect(log).not.toContain(reset.ok ? reset.password! : 'x');
		expect(audit.tail(2).map((e) => e.event)).toEqual(['login_failure', 'user_disabled']);
		expect(redactFilters({ unit: 'T38', q: 'Nguyễn Văn An' })).toEqual({ unit: 'T38', q: '[13 ký tự]' });
	});
});
