// Account changes as the users command and the admin page make them: the pure change, the atomic write, the audit line (actor, account; never the password); generated passwords and tokens are returned once; disabling or a new password ends sessions and tokens.
import { newToken } from './api-tokens.ts';
import type { AuditLog } from './audit-log.ts';
import type { SessionStore } from './sessions.ts';
import { generatePassword, hashPassword, passwordProblem } from './password-hash.ts';
import { addToken, createUser, findUser, revokeToken, setDisabled, setPassword } from './user-accounts.ts';
import type { UserStore } from './user-store.ts';

export type AdminResult = { ok: true; password?: string; token?: string } | { ok: false; error: string };

export interface AdminContext {
	users: UserStore;
	audit: AuditLog;
	actor: string;
	ip?: string;
	now?: () => Date;
	/** The dashboard's sessions, ended at once on disable or reset (other processes end them by the account's epoch on next use). */
	sessions?: SessionStore;
}

/** How many tokens an account holds now (they are revoked by disable and reset). */
const tokenCount = (c: AdminContext, username: string) => findUser(c.users.read(), username)?.tokens.length ?? 0;

const stamp = (c: AdminContext) => (c.now ?? (() => new Date()))().toISOString();

/** Creates an account; without a password one is generated and returned. */
export async function createAccount(c: AdminContext, input: { username: string; role: string; unitCode?: string; password?: string }): Promise<AdminResult> {
	const password = input.password ?? generatePassword();
	const problem = passwordProblem(password);
	if (problem) return { ok: false, error: problem };
	const hash = await hashPassword(password);
	const result = c.users.update((file) => createUser(file, { username: input.username, role: input.role, unitCode: input.unitCode, passwordHash: hash }, stamp(c)));
	if (!result.ok) return result;
	c.audit.append({ event: 'user_created', actor: c.actor, ip: c.ip, target: input.username, detail: { role: input.role, unit: input.unitCode ?? null } });
	return { ok: true, ...(input.password ? {} : { password }) };
}

export function setAccountDisabled(c: AdminContext, username: string, disabled: boolean): AdminResult {
	const tokens = tokenCount(c, username);
	const result = c.users.update((file) => setDisabled(file, username, disabled, stamp(c)));
	if (!result.ok) return result;
	const sessions = c.sessions?.endAll(username) ?? 0;
	c.audit.append({ event: disabled ? 'user_disabled' : 'user_enabled', actor: c.actor, ip: c.ip, target: username, detail: disabled ? { tokensRevoked: tokens, sessionsEnded: sessions } : undefined });
	return { ok: true };
}

/** A new password (given, or generated and returned); every session and token of the account ends. */
export async function resetPassword(c: AdminContext, username: string, given?: string): Promise<AdminResult> {
	const password = given ?? generatePassword();
	const problem = passwordProblem(password);
	if (problem) return { ok: false, error: problem };
	const hash = await hashPassword(password);
	const tokens = tokenCount(c, username);
	const result = c.users.update((file) => setPassword(file, username, hash, stamp(c)));
	if (!result.ok) return result;
	const sessions = c.sessions?.endAll(username) ?? 0;
	c.audit.append({ event: 'password_reset', actor: c.actor, ip: c.ip, target: username, detail: { tokensRevoked: tokens, sessionsEnded: sessions } });
	return { ok: true, ...(given ? {} : { password }) };
}

/** A new API token for the account, returned once. */
export function createToken(c: AdminContext, username: string, label: string): AdminResult {
	const { token, stored } = newToken(label, stamp(c));
	const result = c.users.update((file) => addToken(file, username, stored, stamp(c)));
	if (!result.ok) return result;
	c.audit.append({ event: 'token_created', actor: c.actor, ip: c.ip, target: username, detail: { token: stored.id, label: stored.label } });
	return { ok: true, token };
}

export function deleteToken(c: AdminContext, username: string, tokenId: string): AdminResult {
	const result = c.users.update((file) => revokeToken(file, username, tokenId, stamp(c)));
	if (!result.ok) return result;
	c.audit.append({ event: 'token_revoked', actor: c.actor, ip: c.ip, target: username, detail: { token: tokenId } });
	return { ok: true };
}
