// Closing review of the nation (the unit chooser leads to /tong-ket/[code]).
import { loadReview } from '$lib/server/review-data.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadReview(event, 'VN');
