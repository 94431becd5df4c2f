// Administration (admin only, checked in hooks and again here): accounts (create, disable, enable, reset password, mint and revoke API tokens), the audit log, pipeline runs and sources' freshness; every change is audited and form posts pass SvelteKit's origin check.
import { error, fail } from '@sveltejs/kit';
import { freshness } from '../../../../queries/quality.ts';
import { ROLES } from '../../../../queries/viewer.ts';
import { authService } from '$lib/server/auth/auth-service.ts';
import { formChoice, formText } from '$lib/server/auth/form-input.ts';
import { clientAddress } from '$lib/server/auth/request-auth.ts';
import { createAccount, createToken, deleteToken, resetPassword, setAccountDisabled, type AdminContext } from '$lib/server/auth/user-admin.ts';
import { publicUser } from '$lib/server/auth/user-accounts.ts';
import { pipelineRuns } from '../../../../queries/operations.ts';
import { withDb } from '$lib/server/warehouse.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function adminContext(event: RequestEvent): AdminContext {
	const user = event.locals.user;
	if (user?.role !== 'admin' || user.via !== 'session') error(403, { message: 'Chỉ quản trị viên.', code: 'forbidden' });
	const auth = authService();
	return { users: auth.users, audit: auth.audit, sessions: auth.sessions, actor: user.username, ip: clientAddress(event) };
}

export const load: PageServerLoad = async (event) => {
	adminContext(event);
	const auth = authService();
	const viewer = event.locals.viewer!;
	const warehouse = await withDb(event.locals.language, async (db) => ({ runs: await pipelineRuns(db, { viewer, limit: 30 }), freshness: await freshness(db, { viewer }) })).catch(() => null);
	return {
		users: auth.users.read().users.map(publicUser),
		audit: auth.audit.tail(200),
		runs: warehouse?.runs ?? [],
		freshness: warehouse?.freshness ?? null,
		roles: ROLES
	};
};

const username = (form: FormData) => formText(form, 'username', 40)?.toLowerCase() ?? '';
const TOKEN_ID = /^[a-f0-9]{12}$/u;

export const actions: Actions = {
	create: async (event) => {
		const c = adminContext(event);
		const form = await event.request.formData();
		const role = formChoice(form, 'role', ROLES);
		const unit = formText(form, 'unit', 24) ?? undefined;
		if (!role) return fail(400, { error: 'Vai trò không hợp lệ.' });
		const result = await createAccount(c, { username: username(form), role, unitCode: role === 'regional' ? unit : undefined });
		return result.ok ? { done: `Đã tạo ${username(form)}.`, password: result.password, for: username(form) } : fail(400, { error: result.error });
	},
	disable: async (event) => {
		const c = adminContext(event);
		const name = username(await event.request.formData());
		if (name === c.actor) return fail(400, { error: 'Không thể tự khoá tài khoản của mình.' });
		const result = setAccountDisabled(c, name, true);
		return result.ok ? { done: `Đã khoá ${name}.` } : fail(400, { error: result.error });
	},
	enable: async (event) => {
		const c = adminContext(event);
		const name = username(await event.request.formData());
		const result = setAccountDisabled(c, name, false);
		return result.ok ? { done: `Đã mở khoá ${name}.` } : fail(400, { error: result.error });
	},
	reset: async (event) => {
		const c = adminContext(event);
		const name = username(await event.request.formData());
		const result = await resetPassword(c, name);
		return result.ok ? { done: `Đã đặt lại mật khẩu của ${name}; các phiên đăng nhập và mã truy cập API của tài khoản đã bị huỷ.`, password: result.password, for: name } : fail(400, { error: result.error });
	},
	token: async (event) => {
		const c = adminContext(event);
		const form = await event.request.formData();
		const name = username(form);
		const label = formText(form, 'label', 80) ?? 'script';
		const result = createToken(c, name, label);
		return result.ok ? { done: `Đã tạo mã truy cập API cho ${name}.`, token: result.token, for: name } : fail(400, { error: result.error });
	},
	revoke: async (event) => {
		const c = adminContext(event);
		const form = await event.request.formData();
		const name = username(form);
		const id = formText(form, 'token', 12);
		if (!id || !TOKEN_ID.test(id)) return fail(400, { error: 'Mã truy cập không hợp lệ.' });
		const result = deleteToken(c, name, id);
		return result.ok ? { done: `Đã thu hồi mã ${id} của ${name}.` } : fail(400, { error: result.error });
	}
};
