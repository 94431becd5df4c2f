// Closing review of one unit (any level) as of T.
import { loadReview } from '$lib/server/review-data.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadReview(event, event.params.code);
