// API tokens for scripts pulling figures (`Authorization: Bearer skt_<id>_<secret>`): 256-bit secrets, only their sha256 kept, compared in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { StoredToken, StoredUser, UsersFile } from './user-accounts.ts';

const TOKEN = /^skt_([a-f0-9]{12})_([\w-]{43})$/u;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A new token: the string to give once, and what is stored. */
export function newToken(label: string, now: string, random: (n: number) => Buffer = randomBytes): { token: string; stored: StoredToken } {
	const id = random(6).toString('hex');
	const secret = random(32).toString('base64url');
	return { token: `skt_${id}_${secret}`, stored: { id, hash: sha256(secret), label: label.slice(0, 80), createdAt: now } };
}

/** The enabled account a bearer token belongs to, or undefined. */
export function userOfToken(file: UsersFile, token: string): StoredUser | undefined {
	const m = TOKEN.exec(token);
	if (!m) return undefined;
	const [, id, secret] = m;
	const given = Buffer.from(sha256(secret!), 'hex');
	for (const user of file.users) {
		const stored = user.tokens.find((t) => t.id === id);
		if (stored && timingSafeEqual(Buffer.from(stored.hash, 'hex'), given)) return user.disabled ? undefined : user;
	}
	return undefined;
}
