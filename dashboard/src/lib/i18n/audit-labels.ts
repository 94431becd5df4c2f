// The audit log's entries as the admin reads them: events in Vietnamese, times in Viet Nam time to the second, details as "key: value" pairs.
import { formatDate } from '../../../../queries/format/vi-format.ts';
import { fromInstant } from '../../../../warehouse/time/wall-clock.ts';
import type { AuditEntry, AuditEvent } from '../server/auth/audit-log.ts';

const EVENTS = {
	login_success: 'Đăng nhập',
	login_failure: 'Đăng nhập sai',
	login_locked: 'Tạm khoá đăng nhập',
	logout: 'Đăng xuất',
	export: 'Tải dữ liệu',
	user_created: 'Tạo tài khoản',
	user_disabled: 'Khoá tài khoản',
	user_enabled: 'Mở khoá tài khoản',
	password_reset: 'Đặt lại mật khẩu',
	token_created: 'Tạo mã truy cập API',
	token_revoked: 'Thu hồi mã truy cập API'
} satisfies Record<AuditEvent, string>;

/** An event in Vietnamese (an unknown code, e.g. from a newer log, as written). */
export function auditEventLabel(event: string): string {
	return (EVENTS as Record<string, string>)[event] ?? event;
}

/** An entry's UTC instant ("2026-11-22T15:05:09.768Z") in Viet Nam time: "22:05:09 22/11/2026"; an unreadable one as written. */
export function auditTime(at: string): string {
	const instant = Date.parse(at);
	if (Number.isNaN(instant)) return at;
	const wall = fromInstant(instant);
	return `${wall.slice(11, 19)} ${formatDate(wall)}`;
}

/** The detail as "key: value" pairs joined by " · " (null as "—"). */
export function auditDetail(detail: AuditEntry['detail']): string {
	return detail ? Object.entries(detail).map(([key, value]) => `${key}: ${value ?? '—'}`).join(' · ') : '';
}
