// Passwords hashed with Node's memory-hard scrypt (N = 2^15, r = 8, p = 1: 32 MiB and ~0.1 s per hash), a 16-byte salt per user, compared in constant time; stored as one self-describing string.
import { randomBytes, scrypt, scryptSync, timingSafeEqual, type BinaryLike } from 'node:crypto';

/** The parameters of new hashes (old hashes keep theirs: they are read from the stored string). */
export const SCRYPT = { N: 2 ** 15, r: 8, p: 1, keyLength: 32, saltLength: 16 } as const;
/** scrypt needs 128·N·r bytes; Node's default ceiling (32 MiB) is exactly that, so it is raised. */
const MAX_MEMORY = 128 * 1024 * 1024;

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

interface Parsed {
	N: number;
	r: number;
	p: number;
	salt: Buffer;
	hash: Buffer;
}

function format(parts: Parsed): string {
	return `scrypt$${parts.N}$${parts.r}$${parts.p}$${parts.salt.toString('base64url')}$${parts.hash.toString('base64url')}`;
}

/** The parts of a stored hash, or undefined when it is not one of ours (pure). */
export function parseHash(stored: string): Parsed | undefined {
	const m = /^scrypt\$(\d{1,8})\$(\d{1,3})\$(\d{1,3})\$([\w-]{16,64})\$([\w-]{16,128})$/u.exec(stored);
	if (!m) return undefined;
	const [N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
	if (N < 2 ** 10 || N > 2 ** 20 || (N & (N - 1)) !== 0 || r < 1 || p < 1) return undefined;
	return { N, r, p, salt: Buffer.from(m[4]!, 'base64url'), hash: Buffer.from(m[5]!, 'base64url') };
}

function derive(password: BinaryLike, salt: Buffer, N: number, r: number, p: number, length: number): Promise<Buffer> {
	return new Promise((done, fail) => scrypt(password, salt, length, { N, r, p, maxmem: MAX_MEMORY }, (e, key) => (e ? fail(e) : done(key))));
}

/** A new hash of the password with a fresh salt. */
export async function hashPassword(password: string, random: (n: number) => Buffer = randomBytes): Promise<string> {
	const salt = random(SCRYPT.saltLength);
	const hash = await derive(password.normalize('NFC'), salt, SCRYPT.N, SCRYPT.r, SCRYPT.p, SCRYPT.keyLength);
	return format({ N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p, salt, hash });
}

/** The same, synchronously (for the demo's first start). */
export function hashPasswordSync(password: string, random: (n: number) => Buffer = randomBytes): string {
	const salt = random(SCRYPT.saltLength);
	const hash = scryptSync(password.normalize('NFC'), salt, SCRYPT.keyLength, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p, maxmem: MAX_MEMORY });
	return format({ N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p, salt, hash });
}

let dummy: Promise<string> | undefined;

/**
 * Does the password match the stored hash? Constant-time compare; an unknown user (stored undefined) or an unreadable hash
 * still costs one scrypt, so the answer time does not tell whether the account exists.
 */
export async function verifyPassword(password: string, stored: string | undefined): Promise<boolean> {
	const parsed = stored === undefined ? undefined : parseHash(stored);
	if (!parsed) {
		dummy ??= hashPassword('not a password of anyone');
		const d = parseHash(await dummy)!;
		await derive(password.normalize('NFC'), d.salt, d.N, d.r, d.p, d.hash.length);
		return false;
	}
	const key = await derive(password.normalize('NFC'), parsed.salt, parsed.N, parsed.r, parsed.p, parsed.hash.length);
	return timingSafeEqual(key, parsed.hash);
}

/** Why a new password is refused, or null when it is acceptable (pure). */
export function passwordProblem(password: string): string | null {
	if (password.length < PASSWORD_MIN) return `a password needs at least ${PASSWORD_MIN} characters`;
	if (password.length > PASSWORD_MAX) return `a password has at most ${PASSWORD_MAX} characters`;
	return null;
}

/** A random password people can type: 4 groups of 4 from an alphabet without look-alikes (~80 bits). */
export function generatePassword(random: (n: number) => Buffer = randomBytes): string {
	const alphabet = 'abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY346789';
	const bytes = random(64);
	const chars: string[] = [];
	for (const b of bytes) {
		if (b >= 255 - (256 % alphabet.length)) continue;
		chars.push(alphabet[b % alphabet.length]!);
		if (chars.length === 16) break;
	}
	return chars.join('').replace(/(.{4})(?=.)/gu, '$1-');
}
