// Login sessions: a fresh random id per login (never reused, so no fixation), kept only as its sha256, ending after 30 min idle or 8 h in all, or when the account's epoch moves; persisted (hashed) in <auth dir>/sessions.json so a restart logs nobody out.
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';

export interface SessionPolicy {
	idleMs: number;
	absoluteMs: number;
	/** Sessions kept at most (the oldest go first), so logins cannot exhaust memory. */
	max: number;
	/** A session's last activity is written to the file when it moved by more than this (a restart may shorten idle time by as much, never lengthen it). */
	persistSeenMs: number;
}

export const SESSION_POLICY: SessionPolicy = { idleMs: 30 * 60_000, absoluteMs: 8 * 3_600_000, max: 10_000, persistSeenMs: 60_000 };

export interface Session {
	username: string;
	epoch: number;
	createdAt: number;
	lastSeenAt: number;
}

interface SessionsFile {
	version: 1;
	/** sha256 of the id (hex) → session; the ids themselves are never written. */
	sessions: Record<string, Session>;
}

const digest = (id: string) => createHash('sha256').update(id).digest('hex');

const isSession = (s: unknown): s is Session => {
	const v = s as Partial<Session> | null;
	return !!v && typeof v.username === 'string' && typeof v.epoch === 'number' && typeof v.createdAt === 'number' && typeof v.lastSeenAt === 'number';
};

/** The sessions of a sessions file's text; anything malformed is dropped (then everyone logs in again), never trusted (pure). */
export function parseSessionsFile(text: string): Map<string, Session> {
	const out = new Map<string, Session>();
	try {
		const data = JSON.parse(text) as Partial<SessionsFile>;
		if (data.version !== 1 || typeof data.sessions !== 'object' || data.sessions === null) return out;
		for (const [key, s] of Object.entries(data.sessions)) if (/^[a-f0-9]{64}$/u.test(key) && isSession(s)) out.set(key, { username: s.username, epoch: s.epoch, createdAt: s.createdAt, lastSeenAt: s.lastSeenAt });
	} catch {
		// a damaged file: no sessions
	}
	return out;
}

export class SessionStore {
	private readonly sessions: Map<string, Session>;
	/** lastSeenAt as last written, per key (to write activity only now and then). */
	private readonly written = new Map<string, number>();

	/** `file` (optional): where sessions persist; without it they live in memory only. */
	constructor(
		private readonly policy: SessionPolicy = SESSION_POLICY,
		private readonly clock: () => number = Date.now,
		private readonly random: (n: number) => Buffer = randomBytes,
		readonly file?: string
	) {
		this.sessions = file ? this.load(file) : new Map();
	}

	/** A new session; the id is returned once (for the cookie) and stored only hashed. */
	create(username: string, epoch: number): string {
		const now = this.clock();
		this.prune(now);
		while (this.sessions.size >= this.policy.max) this.sessions.delete(this.sessions.keys().next().value!);
		const id = this.random(32).toString('base64url');
		this.sessions.set(digest(id), { username, epoch, createdAt: now, lastSeenAt: now });
		this.save();
		return id;
	}

	/** The live session of an id (its idle time restarts), or undefined when unknown or expired. */
	get(id: string | undefined): Session | undefined {
		if (!id || id.length > 100) return undefined;
		const key = digest(id);
		const session = this.sessions.get(key);
		if (!session) return undefined;
		const now = this.clock();
		if (this.expired(session, now)) {
			this.sessions.delete(key);
			this.save();
			return undefined;
		}
		session.lastSeenAt = now;
		if (now - (this.written.get(key) ?? 0) > this.policy.persistSeenMs) this.save();
		return session;
	}

	destroy(id: string | undefined): void {
		if (id && this.sessions.delete(digest(id))) this.save();
	}

	/** Ends every session of an account (disabled, or its password reset); returns how many ended. */
	endAll(username: string): number {
		let ended = 0;
		for (const [key, s] of this.sessions) if (s.username === username && this.sessions.delete(key)) ended++;
		if (ended > 0) this.save();
		return ended;
	}

	get size(): number {
		return this.sessions.size;
	}

	private expired(s: Session, now: number): boolean {
		return now - s.lastSeenAt > this.policy.idleMs || now - s.createdAt > this.policy.absoluteMs;
	}

	private prune(now: number): void {
		for (const [key, s] of this.sessions) if (this.expired(s, now)) this.sessions.delete(key);
	}

	private load(file: string): Map<string, Session> {
		let text: string;
		try {
			text = readFileSync(file, 'utf8');
		} catch {
			return new Map();
		}
		const sessions = parseSessionsFile(text);
		const now = this.clock();
		for (const [key, s] of sessions) {
			if (this.expired(s, now)) sessions.delete(key);
			else this.written.set(key, s.lastSeenAt);
		}
		return sessions;
	}

	/** Writes the live sessions atomically (temp file + rename, mode 0600); a failed write keeps them in memory and says so (no names). */
	private save(): void {
		if (!this.file) return;
		const data: SessionsFile = { version: 1, sessions: Object.fromEntries(this.sessions) };
		try {
			mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
			const temp = `${this.file}.tmp-${process.pid}`;
			writeFileSync(temp, JSON.stringify(data), { mode: 0o600 });
			chmodSync(temp, 0o600);
			renameSync(temp, this.file);
			this.written.clear();
			for (const [key, s] of this.sessions) this.written.set(key, s.lastSeenAt);
		} catch (error) {
			console.error(`sessions: could not write ${this.file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
		}
	}
}
