// Rankings: any level and metric, filtered by peer group (kind, region, cluster, 2025 map) and rank movement since a chosen time; all in the URL.
import { PEER_BYS, RANK_METRICS, peerGroups } from '../../../../queries/peers.ts';
import { parseWallClock } from '../../../../warehouse/time/wall-clock.ts';
import { error } from '@sveltejs/kit';
import { showDataset, withPage } from '$lib/server/page-data.ts';
import { badParameter, enumParam, optionalEnumParam, textParam } from '$lib/server/request-params.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	withPage(event, async (context) => {
		const { url } = event;
		const { language, db } = context;
		const metric = enumParam(url, 'metric', RANK_METRICS, 'valid', language);
		const level = enumParam(url, 'level', ['1', '2', '3'] as const, '1', language);
		const nhom = optionalEnumParam(url, 'nhom', PEER_BYS, language);
		const groups = nhom ? await peerGroups(db, nhom) : [];
		const ma = textParam(url, 'ma');
		if (ma && !groups.some((g) => g.code === ma)) error(400, { message: badParameter('ma', language), code: 'bad_parameter' });
		const tu = textParam(url, 'tu');
		if (tu && !parseWallClock(tu)) error(400, { message: badParameter('tu', language), code: 'bad_parameter' });
		const params = { metric, level, nhom, ma: nhom && ma ? ma : undefined, tu: tu || undefined };
		const ranking = await showDataset(context, 'xep-hang', params);
		return { filters: { metric, level, nhom: nhom ?? '', ma, tu }, groups: groups.map((g) => ({ code: g.code, name: g.name })), ranking };
	}, { cache: true });
