// /don-vi is the nation's unit page (keeps the as-of and language).
import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => redirect(307, `/don-vi/VN${url.search}`);
