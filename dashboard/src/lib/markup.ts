// Server-rendered HTML a page shows with {@html} (a chart's SVG, a data table): whole in the page and on client-side navigation, a placeholder in the hydration data of the page that already holds it.
/**
 * A chart's SVG or a table's HTML, rendered on the server. Svelte's {@html} adopts the server-rendered nodes on hydration
 * without reading the value (any non-empty string), so the page's inline hydration data need not carry the same
 * kilobytes again: hooks.ts sends PLACEHOLDER there and the whole HTML in data requests (client-side navigation).
 */
export class Markup {
	constructor(readonly html: string) {}

	toString(): string {
		return this.html;
	}
}

/** What the hydration data of a server-rendered page carries instead of HTML the page already holds (non-empty). */
export const PLACEHOLDER = '\u0000';

let inRenderedPage: () => boolean = () => false;

/** Set by the server hooks: whether the data being serialised hydrates a page rendered from it (not a data request). */
export function setRenderedPageCheck(check: () => boolean): void {
	inRenderedPage = check;
}

/** The HTML a Markup travels as: the placeholder in a rendered page's hydration data, else the whole HTML. */
export function serializedHtml(markup: Markup): string {
	return inRenderedPage() ? PLACEHOLDER : markup.html;
}
