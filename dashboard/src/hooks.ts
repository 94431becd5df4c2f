// Universal hooks: how server-rendered HTML (Markup) travels from the server's page data to the browser (lib/markup.ts).
import type { Transport } from '@sveltejs/kit';
import { Markup, serializedHtml } from '$lib/markup.ts';

export const transport: Transport = {
	Markup: {
		encode: (value) => value instanceof Markup && [serializedHtml(value)],
		decode: ([html]: [string]) => new Markup(html)
	}
};
