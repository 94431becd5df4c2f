// The audit log (<auth dir>/audit.jsonl, append-only, mode 0600): logins, logouts, exports (who, what, filters) and account changes; never a password, a token or an author's personal data.
import { appendFileSync, closeSync, fstatSync, mkdirSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';

export type AuditEvent =
	| 'login_success'
	| 'login_failure'
	| 'login_locked'
	| 'logout'
	| 'export'
	| 'user_created'
	| 'user_disabled'
	| 'user_enabled'
	| 'password_reset'
	| 'token_created'
	| 'token_revoked';

export interface AuditEntry {
	at: string;
	event: AuditEvent;
	/** The account acting ('-' when none, e.g. a failed login of an unknown name; 'cli' for the users command). */
	actor: string;
	ip?: string;
	/** The account changed, or the dataset exported. */
	target?: string;
	detail?: Record<string, string | number | boolean | null>;
}

/** Free-text filters that could hold a person's name (a search) are logged by length only (pure). */
export function redactFilters(params: Record<string, string | undefined>): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of Object.entries(params)) {
		if (value === undefined) continue;
		out[key] = key === 'q' ? `[${value.length} ký tự]` : value.slice(0, 60);
	}
	return out;
}

export class AuditLog {
	readonly file: string;

	constructor(
		readonly dir: string,
		private readonly clock: () => Date = () => new Date()
	) {
		this.file = join(dir, 'audit.jsonl');
	}

	append(entry: Omit<AuditEntry, 'at'>): void {
		mkdirSync(this.dir, { recursive: true, mode: 0o700 });
		appendFileSync(this.file, `${JSON.stringify({ at: this.clock().toISOString(), ...entry })}\n`, { mode: 0o600, flag: 'a' });
	}

	/** The newest entries first (read from the last 2 MB of the file). */
	tail(limit: number): AuditEntry[] {
		let text = '';
		try {
			const fd = openSync(this.file, 'r');
			try {
				const size = fstatSync(fd).size;
				const length = Math.min(size, 2 * 1024 * 1024);
				const buffer = Buffer.alloc(length);
				readSync(fd, buffer, 0, length, size - length);
				text = buffer.toString('utf8');
				if (length < size) text = text.slice(text.indexOf('\n') + 1);
			} finally {
				closeSync(fd);
			}
		} catch {
			return [];
		}
		const entries: AuditEntry[] = [];
		for (const line of text.split('\n').reverse()) {
			if (!line.trim()) continue;
			try {
				entries.push(JSON.parse(line) as AuditEntry);
			} catch {
				// a torn last line is skipped
			}
			if (entries.length >= limit) break;
		}
		return entries;
	}
}
