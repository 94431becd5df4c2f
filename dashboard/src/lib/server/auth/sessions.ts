// Login sessions in memory: a fresh random id per login (never reused, so no fixation), kept only as its sha256, ending after 30 min idle or 8 h in all, or when the account's epoch moves.
import { createHash, randomBytes } from 'node:crypto';

export interface SessionPolicy {
	idleMs: number;
	absoluteMs: number;
	/** Sessions kept at most (the oldest go first), so logins cannot exhaust memory. */
	max: number;
}

export const SESSION_POLICY: SessionPolicy = { idleMs: 30 * 60_000, absoluteMs: 8 * 3_600_000, max: 10_000 };

export interface Session {
	username: string;
	epoch: number;
	createdAt: number;
	lastSeenAt: number;
}

const digest = (id: string) => createHash('sha256').update(id).digest('hex');

export class SessionStore {
	private readonly sessions = new Map<string, Session>();

	constructor(
		private readonly policy: SessionPolicy = SESSION_POLICY,
		private readonly clock: () => number = Date.now,
		private readonly random: (n: number) => Buffer = randomBytes
	) {}

	/** A new session; the id is returned once (for the cookie) and stored only hashed. */
	create(username: string, epoch: number): string {
		const now = this.clock();
		this.prune(now);
		while (this.sessions.size >= this.policy.max) this.sessions.delete(this.sessions.keys().next().value!);
		const id = this.random(32).toString('base64url');
		this.sessions.set(digest(id), { username, epoch, createdAt: now, lastSeenAt: now });
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
			return undefined;
		}
		session.lastSeenAt = now;
		return session;
	}

	destroy(id: string | undefined): void {
		if (id) this.sessions.delete(digest(id));
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
}
