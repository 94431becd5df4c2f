// Arrow IPC of a unit's initiatives as of T (search and order as on the page), for clients and scripts that need the rows; same viewer checks as the page.
import { arrowResponse } from '$lib/arrow/arrow-response.ts';
import { INITIATIVE_SORTS, initiativeList } from '../../../../../../queries/initiatives.ts';
import { withPage } from '$lib/server/page-data.ts';
import { enumParam, textParam, unitCodeParam } from '$lib/server/request-params.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	withPage(event, async ({ db, viewer, asOf, language }) => {
		const unit = unitCodeParam(event.params.code, language);
		const sort = enumParam(event.url, 'sapxep', INITIATIVE_SORTS, 'moi-nhat', language);
		const list = await initiativeList(db, { viewer, asOf, unit, search: textParam(event.url, 'q'), sort, limit: 100_000 });
		const rows = list.rows.map((r) => ({ id: r.initiativeId, title: r.title, field: r.field, author: r.author, status: r.status, submittedAt: r.submittedAt, benefit: r.benefit, grassroots: r.grassrootsCode }));
		return arrowResponse(rows, {
			types: { id: 'utf8', title: 'utf8', field: 'utf8', author: 'utf8', status: 'utf8', submittedAt: 'utf8', benefit: 'float64', grassroots: 'utf8' },
			version: list.version ?? undefined,
			headers: { 'x-as-of': list.asOf, 'x-total': String(list.total) }
		});
	});
