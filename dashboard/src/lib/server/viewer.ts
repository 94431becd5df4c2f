// Who is asking: the one place a request becomes a queries/ Viewer — the account the hooks found (session or API token); no account, no viewer.
import { error, type RequestEvent } from '@sveltejs/kit';
import type { Viewer } from '../../../../queries/viewer.ts';

/** The viewer of a request; every load and endpoint passes it to queries/. Hooks refuse anonymous requests first, so 401 here is a safety net. */
export function viewerOf(event: Pick<RequestEvent, 'locals' | 'cookies'>): Viewer {
	const viewer = event.locals.viewer;
	if (!viewer) error(401, { message: event.locals.language === 'en' ? 'Login required.' : 'Cần đăng nhập.', code: 'unauthorized' });
	return viewer;
}
