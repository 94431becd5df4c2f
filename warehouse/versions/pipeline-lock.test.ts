// One pipeline at a time: a live holder is named in the error, a dead holder's lock is taken over.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquirePipelineLock, LockHeldError } from './pipeline-lock.ts';

let dir: string;
let lockPath: string;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'lock-'));
	lockPath = join(dir, 'pipeline.lock');
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('acquirePipelineLock', () => {
	it('writes the pid, refuses a second holder while live, and frees on release', () => {
		const lock = acquirePipelineLock(lockPath);
		expect(readFileSync(lockPath, 'utf8').trim()).toBe(String(process.pid));
		expect(() => acquirePipelineLock(lockPath)).toThrow(new LockHeldError(process.pid));
		expect(() => acquirePipelineLock(lockPath)).toThrow(`another pipeline run (pid ${process.pid}) is running`);
		lock.release();
		expect(existsSync(lockPath)).toBe(false);
		acquirePipelineLock(lockPath).release();
	});

	it('takes over the lock of a process that is gone', () => {
		const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
		const deadPid = Number(dead.stdout.toString());
		writeFileSync(lockPath, `${deadPid}\n`);
		const lock = acquirePipelineLock(lockPath);
		expect(lock.tookOver).toBe(deadPid);
		expect(readFileSync(lockPath, 'utf8').trim()).toBe(String(process.pid));
		lock.release();
	});

	it('takes over an empty lock file left by a crash while writing it', () => {
		writeFileSync(lockPath, '');
		const lock = acquirePipelineLock(lockPath);
		expect(lock.tookOver).toBe(0);
		lock.release();
	});

	it('does not remove a lock that another run took over', () => {
		const lock = acquirePipelineLock(lockPath, { pid: 999_999_999, isAlive: () => false });
		writeFileSync(lockPath, `${process.pid}\n`);
		lock.release();
		expect(readFileSync(lockPath, 'utf8').trim()).toBe(String(process.pid));
	});
});
