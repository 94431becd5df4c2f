// Unit drill-down at every level (VN = the nation): totals, attainment, national and peer rank, curve vs peers, sub-units, breakdowns, benefit, authors; a grassroots union adds its initiative list (search, sort, pages in the URL).
import { withPage } from '$lib/server/page-data.ts';
import { enumParam, pageParam, textParam, unitCodeParam } from '$lib/server/request-params.ts';
import { INITIATIVE_SORTS, unitPageData } from '$lib/server/unit-page-data.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	withPage(
		event,
		(context) =>
			unitPageData(context, unitCodeParam(event.params.code, context.language), () => ({
				q: textParam(event.url, 'q'),
				sort: enumParam(event.url, 'sapxep', INITIATIVE_SORTS, 'moi-nhat', context.language),
				page: pageParam(event.url, context.language)
			})),
		{ cache: true }
	);
