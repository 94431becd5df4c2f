// Renders Observable Plot on the server (a minimal DOM, server-dom.ts) into deterministic standalone SVG strings with title, description and data- attributes.
import * as Plot from '@observablehq/plot';
import { escapeXml } from '../exports/svg-export.ts';
import { ServerDocument } from './server-dom.ts';

let plotDocument: Document | undefined;

/**
 * One document for every render: Plot only creates detached elements in it. A minimal DOM, not linkedom: the same SVG
 * text (chart snapshots), with nodes and attributes as plain objects (linkedom gave each node and attribute a WeakMap
 * entry and a linked-list slot; a page's charts cost ~2x the CPU).
 */
function serverDocument(): Document {
	plotDocument ??= new ServerDocument() as unknown as Document;
	return plotDocument;
}

/**
 * Plot numbers clip paths, markers and patterns with process-wide counters (plot-clip-7); renumbers them in order
 * of appearance under the chart's own prefix, so output is identical on every render and ids never collide on a page.
 */
export function normalizeIds(svg: string, prefix: string): string {
	const renamed = new Map<string, string>();
	return svg.replace(/plot-(clip|marker|pattern)-(\d+)/gu, (match, kind: string) => {
		let name = renamed.get(match);
		if (!name) {
			name = `${prefix}-${kind}-${renamed.size + 1}`;
			renamed.set(match, name);
		}
		return name;
	});
}

/**
 * Runs a synchronous render with Plot drawing into another document (tests: linkedom, the reference the server DOM is
 * checked against).
 */
export function renderWithDocument<T>(document: Document, render: () => T): T {
	const saved = serverDocument();
	plotDocument = document;
	try {
		return render();
	} finally {
		plotDocument = saved;
	}
}

/** Renders a plot (no legend, title or caption options: those would wrap it in an HTML figure) to an SVG string. */
export function renderPlot(options: Plot.PlotOptions): string {
	const svg = Plot.plot({ ...options, document: serverDocument() }) as unknown as Element;
	if (svg.tagName.toLowerCase() !== 'svg') throw new Error('renderPlot: Plot returned a figure; draw legends with chart-legend.ts');
	return svg.outerHTML;
}

type DataAttributes = Record<string, string | number | boolean | null | undefined>;

/** Every element below one, in document order (children only: no selector engine needed). */
function descendants(element: Element): Element[] {
	const found: Element[] = [];
	const visit = (parent: Element) => {
		for (const child of parent.children) {
			found.push(child);
			visit(child);
		}
	};
	visit(element);
	return found;
}

/**
 * A render transform putting data- attributes on each mark element (rect, circle, text…) from its datum, so a
 * hydrated page can add tooltips and click-to-drill without re-rendering. Plot binds each element to its index.
 */
export function withDataAttributes<T>(data: readonly T[], attributes: (datum: T) => DataAttributes): Plot.RenderFunction {
	return function (index, scales, values, dimensions, context, next) {
		const g = next!(index, scales, values, dimensions, context)!;
		for (const element of [g, ...descendants(g)]) {
			const i = (element as unknown as { __data__?: unknown }).__data__;
			if (typeof i !== 'number' || data[i] === undefined) continue;
			for (const [key, value] of Object.entries(attributes(data[i]!))) {
				if (value !== null && value !== undefined) element.setAttribute(`data-${key}`, String(value));
			}
		}
		return g;
	};
}

/** A render transform putting data- attributes on a whole mark's group (a line's series, for instance). */
export function withMarkAttributes(attributes: DataAttributes): Plot.RenderFunction {
	return function (index, scales, values, dimensions, context, next) {
		const g = next!(index, scales, values, dimensions, context)!;
		for (const [key, value] of Object.entries(attributes)) {
			if (value !== null && value !== undefined) g.setAttribute(`data-${key}`, String(value));
		}
		return g;
	};
}

export interface ChartFrame {
	/** Unique on the page: prefixes the title/description ids and Plot's clip ids. */
	id: string;
	/** The chart kind (data-chart attribute): cumulative, bar, share, peer-distribution, tile-map. */
	kind: string;
	title: string;
	description: string;
	width: number;
	/** Height of the plot itself; the legend adds its own height above it. */
	plotHeight: number;
	plotSvg: string;
	/** SVG content drawn above the plot (a legend), and its height. */
	header?: { svg: string; height: number };
}

/** One standalone SVG: role img, <title> and <desc> referenced by aria-labelledby, a legend above the plot. */
export function composeChart(frame: ChartFrame): { svg: string; height: number } {
	const headerHeight = frame.header?.height ?? 0;
	const height = Math.round(headerHeight + frame.plotHeight);
	const plot = normalizeIds(frame.plotSvg, frame.id).replace(/^<svg\b/u, `<svg x="0" y="${headerHeight}"`);
	const svg =
		`<svg xmlns="http://www.w3.org/2000/svg" width="${frame.width}" height="${height}" viewBox="0 0 ${frame.width} ${height}" ` +
		`role="img" aria-labelledby="${frame.id}-title ${frame.id}-desc" class="sk-chart" data-chart="${escapeXml(frame.kind)}" ` +
		`font-family="DejaVu Sans, system-ui, sans-serif" font-size="10">` +
		`<title id="${frame.id}-title">${escapeXml(frame.title)}</title><desc id="${frame.id}-desc">${escapeXml(frame.description)}</desc>` +
		`<rect width="${frame.width}" height="${height}" fill="#ffffff"/>` +
		`${frame.header?.svg ?? ''}${plot}</svg>`;
	return { svg, height };
}
