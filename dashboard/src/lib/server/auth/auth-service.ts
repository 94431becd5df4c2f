// Login, logout and "who is this request" over the users file, sessions, throttle and audit log; one per process (authService()), or built with injected clock and stores in tests.
import type { Viewer } from '../../../../../queries/viewer.ts';
import { userOfToken } from './api-tokens.ts';
import { join } from 'node:path';
import { authDirectory } from './auth-dir.ts';
import { AuditLog } from './audit-log.ts';
import { LoginThrottle } from './login-throttle.ts';
import { verifyPassword } from './password-hash.ts';
import { SESSION_POLICY, SessionStore } from './sessions.ts';
import { findUser, type StoredUser } from './user-accounts.ts';
import { UserStore } from './user-store.ts';

export interface SignedIn {
	username: string;
	role: Viewer['role'];
	unitCode: string | null;
	via: 'session' | 'token';
}

export type LoginResult = { ok: true; sessionId: string; user: SignedIn } | { ok: false; reason: 'invalid' | 'locked'; retryAfterMs: number };

const viewerOfUser = (u: StoredUser): Viewer => ({ role: u.role, ...(u.unitCode ? { unitCode: u.unitCode } : {}), userId: u.username });
const signedIn = (u: StoredUser, via: SignedIn['via']): SignedIn => ({ username: u.username, role: u.role, unitCode: u.unitCode ?? null, via });

export class AuthService {
	constructor(
		readonly users: UserStore,
		readonly sessions: SessionStore,
		readonly throttle: LoginThrottle,
		readonly audit: AuditLog
	) {}

	/** Checks a login; a locked account or address is refused before the password is looked at. */
	async login(username: string, password: string, ip: string): Promise<LoginResult> {
		const name = username.trim().toLowerCase().slice(0, 40);
		const wait = this.throttle.retryAfter(name, ip);
		if (wait > 0) {
			this.audit.append({ event: 'login_locked', actor: '-', ip, target: name, detail: { retryAfterS: Math.ceil(wait / 1000) } });
			return { ok: false, reason: 'locked', retryAfterMs: wait };
		}
		const user = findUser(this.users.read(), name);
		const good = await verifyPassword(password.slice(0, 1000), user?.passwordHash);
		if (!good || !user || user.disabled) {
			this.throttle.fail(name, ip);
			this.audit.append({ event: 'login_failure', actor: '-', ip, target: user ? name : '(không có tài khoản)', detail: user?.disabled ? { disabled: true } : undefined });
			const after = this.throttle.retryAfter(name, ip);
			return after > 0 ? { ok: false, reason: 'locked', retryAfterMs: after } : { ok: false, reason: 'invalid', retryAfterMs: 0 };
		}
		this.throttle.succeed(name);
		this.audit.append({ event: 'login_success', actor: name, ip });
		return { ok: true, sessionId: this.sessions.create(name, user.epoch), user: signedIn(user, 'session') };
	}

	/** The account of a session id, if the session lives and the account is still enabled under the same epoch. */
	fromSession(id: string | undefined): { user: SignedIn; viewer: Viewer } | undefined {
		const session = this.sessions.get(id);
		if (!session) return undefined;
		const user = findUser(this.users.read(), session.username);
		if (!user || user.disabled || user.epoch !== session.epoch) {
			this.sessions.destroy(id);
			return undefined;
		}
		return { user: signedIn(user, 'session'), viewer: viewerOfUser(user) };
	}

	/** The account of an `Authorization: Bearer` token. */
	fromToken(token: string): { user: SignedIn; viewer: Viewer } | undefined {
		const user = userOfToken(this.users.read(), token);
		return user ? { user: signedIn(user, 'token'), viewer: viewerOfUser(user) } : undefined;
	}

	logout(id: string | undefined, username: string, ip: string): void {
		this.sessions.destroy(id);
		this.audit.append({ event: 'logout', actor: username, ip });
	}
}

let service: AuthService | undefined;

/** The process's service over the auth directory (SANG_KIEN_AUTH_DIR, else beside the warehouse); sessions persist in its sessions.json. */
export function authService(): AuthService {
	if (!service) {
		const dir = authDirectory();
		service = new AuthService(new UserStore(dir), new SessionStore(SESSION_POLICY, Date.now, undefined, join(dir, 'sessions.json')), new LoginThrottle(), new AuditLog(dir));
	}
	return service;
}
