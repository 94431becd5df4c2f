// The admin's audit log reads in Vietnamese and Viet Nam time; the pipeline's codes read as words on the data health page.
import { describe, expect, it } from 'vitest';
import { auditDetail, auditEventLabel, auditTime } from './audit-labels.ts';
import { datasetLabel, runKindLabel, runStatusLabel, runTriggerLabel, scopeLabel } from './operations-labels.ts';

describe('audit log labels', () => {
	it('shows a UTC instant in Viet Nam time to the second, across midnight too', () => {
		expect(auditTime('2026-11-22T15:05:09.768Z')).toBe('22:05:09 22/11/2026');
		expect(auditTime('2026-11-22T18:00:00.000Z')).toBe('01:00:00 23/11/2026');
		expect(auditTime('not a time')).toBe('not a time');
	});

	it('names events in Vietnamese and keeps an unknown code as written', () => {
		expect(['login_success', 'login_failure', 'user_disabled', 'token_revoked'].map(auditEventLabel)).toEqual(['Đăng nhập', 'Đăng nhập sai', 'Khoá tài khoản', 'Thu hồi mã truy cập API']);
		expect(auditEventLabel('future_event')).toBe('future_event');
	});

	it('writes the detail as key: value pairs', () => {
		expect(auditDetail({ role: 'admin', unit: null })).toBe('role: admin · unit: —');
		expect(auditDetail({ tokensRevoked: 1, sessionsEnded: 1 })).toBe('tokensRevoked: 1 · sessionsEnded: 1');
		expect(auditDetail(undefined)).toBe('');
	});
});

describe('pipeline labels', () => {
	it('names run triggers and outcomes in both languages, an unknown code as written', () => {
		expect([runTriggerLabel('schedule', 'vi'), runTriggerLabel('start', 'en'), runStatusLabel('published', 'vi'), runStatusLabel('rejected_by_audit', 'en')]).toEqual(['Theo lịch', 'At start', 'Đã công bố', 'Rejected by the data tests']);
		expect(runStatusLabel('paused', 'vi')).toBe('paused');
		expect([datasetLabel('initiatives', 'vi'), datasetLabel('units', 'en')]).toEqual(['Sáng kiến', 'Units']);
	});

	it('says when a run rebuilt the version from every landed file', () => {
		expect(runKindLabel({ trigger: 'manual', rebuild: true }, 'vi')).toBe('Thủ công · dựng lại từ đầu');
		expect(runKindLabel({ trigger: 'manual', rebuild: true }, 'en')).toBe('Manual · rebuilt from scratch');
		expect(runKindLabel({ trigger: 'schedule', rebuild: false }, 'vi')).toBe('Theo lịch');
	});

	it('names a scope: the nation, the unit tree, or a level-1 unit by name and code', () => {
		expect(scopeLabel({ scope: 'toan-quoc', scopeName: null }, 'vi')).toBe('Toàn quốc');
		expect(scopeLabel({ scope: 'don-vi', scopeName: null }, 'en')).toBe('Unit tree');
		expect(scopeLabel({ scope: 'T38', scopeName: 'Liên đoàn Lao động tỉnh Thanh Hóa' }, 'vi')).toBe('Liên đoàn Lao động tỉnh Thanh Hóa (T38)');
		expect(scopeLabel({ scope: 'T99', scopeName: null }, 'vi')).toBe('T99');
	});
});
