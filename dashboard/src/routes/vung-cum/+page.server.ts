// Regions and clusters: shares of the national totals (on the portal, valid, benefit) side by side by region, emulation cluster, 2025 province and kind.
import { showDataset, withPage } from '$lib/server/page-data.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	withPage(event, async (context) => {
		const [region, cluster, kind, map2025] = await Promise.all([
			showDataset(context, 'ty-trong', { by: 'region' }),
			showDataset(context, 'ty-trong', { by: 'cluster' }),
			showDataset(context, 'ty-trong', { by: 'kind' }),
			showDataset(context, 'ty-trong', { by: 'map2025' })
		]);
		return { region, cluster, kind, map2025 };
	}, { cache: true });
