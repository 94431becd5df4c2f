// Initiative page: one initiative as of T (status, benefit, unit path, author for those entitled, history of its states).
import { initiativeDetail } from '../../../../../queries/initiatives.ts';
import { unitPath } from '../../../../../queries/unit-path.ts';
import { statusLabel } from '$lib/server/datasets.ts';
import { withPage } from '$lib/server/page-data.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	withPage(event, async ({ db, viewer, asOf, language }) => {
		const detail = await initiativeDetail(db, { viewer, asOf, id: event.params.id });
		const path = await unitPath(db, detail.grassrootsCode!);
		return {
			initiative: { ...detail, statusLabel: detail.statusAtT ? statusLabel(detail.statusAtT, language) : null, history: detail.history.map((h) => ({ ...h, statusLabel: statusLabel(h.status, language) })) },
			path
		};
	}, { cache: true });
