// Who is asking: the one place a request becomes a queries/ Viewer (leadership for now; issue 6 adds login here).
import type { RequestEvent } from '@sveltejs/kit';
import { LEADERSHIP, type Viewer } from '../../../../queries/viewer.ts';

/** The viewer of a request; every load and endpoint passes it to queries/. */
export function viewerOf(_event: Pick<RequestEvent, 'locals' | 'cookies'>): Viewer {
	return LEADERSHIP;
}
