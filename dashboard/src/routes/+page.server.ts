// Overview: national totals against the 1,000,000 goal, phases, milestones, the cumulative curve, tile maps (63 and 34) by attainment, top units.
import { overviewData } from '$lib/server/overview-data.ts';
import { withPage } from '$lib/server/page-data.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => withPage(event, overviewData, { cache: true });
