// Accounts as plain data and the pure changes made to them (create, disable, enable, password, tokens): each returns a new file or a short error naming the account.
import type { Role } from '../../../../../queries/viewer.ts';
import { ROLES } from '../../../../../queries/viewer.ts';

export interface StoredToken {
	/** Public part of the token (in the token string), to find it. */
	id: string;
	/** sha256 of the secret part, hex. */
	hash: string;
	label: string;
	createdAt: string;
}

export interface StoredUser {
	username: string;
	role: Role;
	/** Regional unions: the level-1 or upper-level unit code the account is bound to. */
	unitCode?: string;
	passwordHash: string;
	disabled: boolean;
	/** Raised by disable and password changes: sessions made under an older epoch end. */
	epoch: number;
	createdAt: string;
	updatedAt: string;
	tokens: StoredToken[];
}

export interface UsersFile {
	version: 1;
	users: StoredUser[];
}

export type Change = { ok: true; file: UsersFile } | { ok: false; error: string };

export const EMPTY_USERS: UsersFile = { version: 1, users: [] };
export const USERNAME = /^[a-z0-9][a-z0-9._-]{2,39}$/u;
/** A level-1 code (T38, N01) or an upper-level union code (T38.07): letters and digits, at most one dot. */
export const BINDABLE_UNIT = /^[A-Z][A-Z0-9]{1,9}(\.[A-Z0-9]{1,10})?$/u;

/** The account of a username (exact, names are lower case). */
export function findUser(file: UsersFile, username: string): StoredUser | undefined {
	return file.users.find((u) => u.username === username);
}

/** Why role/unit are not a valid pair, or null. */
export function roleProblem(role: string, unitCode: string | undefined): string | null {
	if (!(ROLES as readonly string[]).includes(role)) return `role must be one of ${ROLES.join(', ')}, got "${role.slice(0, 20)}"`;
	if (role === 'regional' && (!unitCode || !BINDABLE_UNIT.test(unitCode))) return 'a regional account needs --unit <level-1 or upper-level unit code> (T38, T38.07)';
	if (role !== 'regional' && unitCode !== undefined) return `only regional accounts are bound to a unit (role ${role})`;
	return null;
}

export function createUser(file: UsersFile, input: { username: string; role: string; unitCode?: string; passwordHash: string }, now: string): Change {
	if (!USERNAME.test(input.username)) return { ok: false, error: `username must be 3–40 of a-z 0-9 . _ - starting with a letter or digit, got "${input.username.slice(0, 40)}"` };
	if (findUser(file, input.username)) return { ok: false, error: `user ${input.username} already exists` };
	const problem = roleProblem(input.role, input.unitCode);
	if (problem) return { ok: false, error: problem };
	const user: StoredUser = {
		username: input.username,
		role: input.role as Role,
		...(input.unitCode ? { unitCode: input.unitCode } : {}),
		passwordHash: input.passwordHash,
		disabled: false,
		epoch: 0,
		createdAt: now,
		updatedAt: now,
		tokens: []
	};
	return { ok: true, file: { ...file, users: [...file.users, user] } };
}

function change(file: UsersFile, username: string, fn: (user: StoredUser) => StoredUser | string): Change {
	const user = findUser(file, username);
	if (!user) return { ok: false, error: `no user ${username.slice(0, 40)}` };
	const next = fn(user);
	if (typeof next === 'string') return { ok: false, error: next };
	return { ok: true, file: { ...file, users: file.users.map((u) => (u === user ? next : u)) } };
}

/** Disabling ends the account's sessions (epoch) and revokes its tokens (enabling again restores neither). */
export function setDisabled(file: UsersFile, username: string, disabled: boolean, now: string): Change {
	return change(file, username, (u) => ({ ...u, disabled, epoch: u.epoch + 1, updatedAt: now, tokens: disabled ? [] : u.tokens }));
}

/** A new password hash ends every session of the account and revokes its tokens (credentials are rotated together). */
export function setPassword(file: UsersFile, username: string, passwordHash: string, now: string): Change {
	return change(file, username, (u) => ({ ...u, passwordHash, epoch: u.epoch + 1, updatedAt: now, tokens: [] }));
}

export function addToken(file: UsersFile, username: string, token: StoredToken, now: string): Change {
	return change(file, username, (u) => (u.tokens.length >= 20 ? `user ${username} has 20 tokens; revoke one first` : { ...u, tokens: [...u.tokens, token], updatedAt: now }));
}

export function revokeToken(file: UsersFile, username: string, tokenId: string, now: string): Change {
	return change(file, username, (u) => (u.tokens.some((t) => t.id === tokenId) ? { ...u, tokens: u.tokens.filter((t) => t.id !== tokenId), updatedAt: now } : `user ${username} has no token ${tokenId.slice(0, 20)}`));
}

/** What may be shown of an account (no hashes). */
export function publicUser(u: StoredUser): { username: string; role: Role; unitCode: string | null; disabled: boolean; createdAt: string; updatedAt: string; tokens: { id: string; label: string; createdAt: string }[] } {
	return { username: u.username, role: u.role, unitCode: u.unitCode ?? null, disabled: u.disabled, createdAt: u.createdAt, updatedAt: u.updatedAt, tokens: u.tokens.map((t) => ({ id: t.id, label: t.label, createdAt: t.createdAt })) };
}

/** Reads a users file's JSON, refusing anything that is not one (so a damaged file locks everyone out instead of letting anyone in). */
export function parseUsersFile(text: string): UsersFile {
	const data = JSON.parse(text) as Partial<UsersFile>;
	if (data.version !== 1 || !Array.isArray(data.users)) throw new Error('users file: not a version-1 users file');
	for (const u of data.users) {
		if (typeof u.username !== 'string' || typeof u.passwordHash !== 'string' || roleProblem(u.role, u.unitCode) || typeof u.disabled !== 'boolean' || !Array.isArray(u.tokens)) {
			throw new Error(`users file: malformed account ${JSON.stringify(String(u.username).slice(0, 40))}`);
		}
	}
	return data as UsersFile;
}
