// The users file (<auth dir>/users.json, mode 0600): read again whenever it changes on disk (the users command and the dashboard both run), written atomically (temp file + rename).
import { chmodSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EMPTY_USERS, parseUsersFile, type Change, type UsersFile } from './user-accounts.ts';

export class UserStore {
	readonly file: string;
	private cached: { key: string; data: UsersFile } | undefined;

	constructor(readonly dir: string) {
		this.file = join(dir, 'users.json');
	}

	/** The accounts now (an absent file = no accounts). A damaged file throws. */
	read(): UsersFile {
		let key: string;
		try {
			const s = statSync(this.file);
			key = `${s.mtimeMs}:${s.size}:${s.ino}`;
		} catch {
			return EMPTY_USERS;
		}
		if (this.cached?.key !== key) this.cached = { key, data: parseUsersFile(readFileSync(this.file, 'utf8')) };
		return this.cached.data;
	}

	/** Applies a pure change to the current file and writes the result atomically; returns the change's error, if any. */
	update(fn: (file: UsersFile) => Change): Change {
		const result = fn(this.read());
		if (result.ok) this.write(result.file);
		return result;
	}

	private write(data: UsersFile): void {
		mkdirSync(this.dir, { recursive: true, mode: 0o700 });
		const temp = `${this.file}.tmp-${process.pid}`;
		writeFileSync(temp, `${JSON.stringify(data, null, '\t')}\n`, { mode: 0o600 });
		chmodSync(temp, 0o600);
		renameSync(temp, this.file);
		this.cached = undefined;
	}
}
