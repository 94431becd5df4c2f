// Press room: a chosen set of quotable figures (national or one unit) as of a chosen time, each with definition, as-of, source and version.
import { error } from '@sveltejs/kit';
import { level1Reference } from '../../../../queries/peers.ts';
import { exportLinks } from '$lib/server/dataset-types.ts';
import { PRESS_FIGURES, pressCards, type PressFigure } from '$lib/server/press-figures.ts';
import { withPage } from '$lib/server/page-data.ts';
import { badParameter, textParam } from '$lib/server/request-params.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	withPage(event, async (context) => {
		const { language } = context;
		const chosen = event.url.searchParams.getAll('so');
		if (chosen.some((f) => !(PRESS_FIGURES as readonly string[]).includes(f))) error(400, { message: badParameter('so', language), code: 'bad_parameter' });
		const figures = (chosen.length ? chosen : PRESS_FIGURES) as PressFigure[];
		const unit = textParam(event.url, 'unit') || undefined;
		const units = await level1Reference(context.db);
		if (unit && !units.some((u) => u.code === unit)) error(400, { message: badParameter('unit', language), code: 'bad_parameter' });
		const press = await pressCards(context, { unit, figures });
		return {
			figures,
			unit: unit ?? '',
			units: units.map((u) => ({ code: u.code, name: u.name })),
			cards: press.cards,
			exports: exportLinks('bao-chi', { unit, so: figures.join(',') }, context, false)
		};
	}, { cache: true });
