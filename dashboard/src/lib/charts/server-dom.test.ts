// The server DOM serializes what Plot draws exactly as linkedom does (the reference DOM): every chart the dashboard draws (each kind, hostile text and links, empty data, both languages) and Plot's mark kinds; a DOM member it lacks throws.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { barChart } from './bar-chart.ts';
import { CHART_EXAMPLES } from './chart-fixtures.ts';
import type { ChartOutput } from './chart-output.ts';
import { cumulativeChart } from './cumulative-chart.ts';
import { peerDistributionChart } from './peer-distribution-chart.ts';
import { renderWithDocument } from './plot-svg.ts';
import { ServerDocument } from './server-dom.ts';
import { shareChart } from './share-chart.ts';
import { tileMapChart } from './tile-map-chart.ts';
import { tileGrid } from '../../../../warehouse/reference/tile-grid.ts';

const HOSTILE = ['A & B <c> "q" \'s\'', 'Tổng & "x" < y > z\u00a0', '', '=1+2', 'dòng một\ndòng hai'];

/** Plots drawing every mark kind of the charts (rect, bar, text with lines, line, dot, rule, tick, box, links, titles). */
const PLOTS: Record<string, () => Plot.PlotOptions> = {
	bars: () => ({
		marginLeft: 120,
		x: { grid: true, label: 'V & <v>' },
		marks: [
			Plot.barX(HOSTILE.map((label, i) => ({ label, value: i * 0.37 })), { y: 'label', x: 'value', fill: '#0072B2', title: (d: { label: string }) => `${d.label}: x`, href: (d: { label: string }) => `/don-vi/${d.label}?a=1&b="2"` }),
			Plot.ruleX([1], { stroke: '#333', strokeDasharray: '4,3' })
		]
	}),
	lines: () => ({
		x: { type: 'utc' },
		marks: [
			Plot.rectX([{ x1: new Date(Date.UTC(2022, 0, 1)), x2: new Date(Date.UTC(2022, 3, 1)) }], { x1: 'x1', x2: 'x2', fill: '#eee' }),
			Plot.line(Array.from({ length: 50 }, (_, d) => ({ date: new Date(Date.UTC(2022, 0, 1 + d)), value: d * d })), { x: 'date', y: 'value', strokeDasharray: '5,3' }),
			Plot.dot([{ date: new Date(Date.UTC(2022, 0, 20)), value: 400 }], { x: 'date', y: 'value', r: 5, title: () => 'a & b' }),
			Plot.text(HOSTILE.map((text, i) => ({ text, date: new Date(Date.UTC(2022, 0, 1 + i)), value: i })), { x: 'date', y: 'value', text: 'text', stroke: 'white', paintOrder: 'stroke' }),
			Plot.ruleY([0])
		]
	}),
	distribution: () => ({
		marks: [Plot.boxX([1, 2, 3, 8, 9, 20]), Plot.tickX([1, 5, 9], { x: (d: number) => d, title: (d: number) => `<${d}>` })]
	}),
	tiles: () => ({
		x: { axis: null, domain: [0, 3] },
		y: { axis: null, domain: [0, 2], reverse: true },
		marks: [
			Plot.rect([{ col: 0, row: 0, fill: '#fff' }, { col: 2, row: 1, fill: '#000' }], { x1: 'col', x2: (t: { col: number }) => t.col + 1, y1: 'row', y2: (t: { row: number }) => t.row + 1, inset: 1, rx: 3, fill: 'fill', href: () => '/?x=1&y=2' }),
			Plot.text([{ col: 0, row: 0 }], { x: () => 0.5, y: () => 0.5, text: () => 'HN\n12,5%', lineHeight: 1.15 })
		]
	}),
	empty: () => ({ marks: [] })
};

const linkedomDocument = () => parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;

/** Every chart function with hostile labels and links, no data, and both languages. */
function hostileCharts(): Record<string, () => ChartOutput> {
	const charts: Record<string, () => ChartOutput> = {};
	for (const language of ['vi', 'en'] as const) {
		const rows = HOSTILE.map((label, i) => ({ code: `C${i}&x`, label, value: i === 2 ? null : i * 0.37, href: `/don-vi/C${i}?a=1&b="2"`, highlight: i === 1 }));
		const bar = { id: 'h-bar', title: 'T & <t> "x"', language, valueLabel: 'V & <v>', kind: 'percent' as const, reference: { value: 1, label: '100% & "r"' }, rows, labelHeader: 'H&' };
		charts[`bar ${language}`] = () => barChart(bar);
		charts[`bar empty ${language}`] = () => barChart({ ...bar, rows: [] });
		const series = Array.from({ length: 640 }, (_, d) => ({ time: new Date(Date.UTC(2022, 0, 8 + d)).toISOString().slice(0, 19), value: d * 1700 + (d % 7) * 13 }));
		const curve = { id: 'h-cum', title: 'C & <c>', language, series, seriesLabel: 'S & "s"', unitCode: 'T&38', peerMedian: series.map((p) => ({ time: p.time, value: p.value / 2 })) };
		charts[`cumulative with peers ${language}`] = () => cumulativeChart(curve);
		charts[`cumulative national ${language}`] = () => cumulativeChart({ ...curve, peerMedian: undefined });
		charts[`cumulative empty ${language}`] = () => cumulativeChart({ ...curve, series: [], peerMedian: undefined, milestones: [] });
		const peers = HOSTILE.map((label, i) => ({ code: `P${i}`, label, value: i * 0.3, href: `/x?a=1&b=${i}` }));
		charts[`peers ${language}`] = () => peerDistributionChart({ id: 'h-peer', title: 'P & <p>', language, peers, unitCode: 'P1', valueLabel: 'V&', kind: 'percent', peerGroupLabel: 'G & <g>', reference: 1 });
		const shares = ['a', 'b'].flatMap((g) => HOSTILE.map((c, i) => ({ group: g, groupLabel: `G ${g} & "x"`, category: `c${i}`, categoryLabel: c || 'empty', value: i * 10 })));
		for (const mode of ['stacked', 'grouped'] as const) {
			charts[`shares ${mode} ${language}`] = () => shareChart({ id: 'h-share', title: 'S&', language, mode, valueLabel: 'V', kind: 'integer', legendTitle: 'L & <l>', rows: shares });
		}
		const grid = tileGrid('63');
		const values = grid.tiles.map((t, i) => ({ code: t.code, value: i % 9 === 0 ? null : (i % 17) / 10, href: `/don-vi/P${t.code}?a=1&b=2` }));
		charts[`tile map ${language}`] = () => tileMapChart({ id: 'h-map', title: 'M & <m>', language, grid, values, valueLabel: 'A & "a"', kind: 'percent' });
	}
	return charts;
}

describe('server DOM', () => {
	for (const [name, make] of Object.entries({ ...CHART_EXAMPLES, ...hostileCharts() })) {
		it(`draws the ${name} chart as linkedom does`, () => {
			const expected = renderWithDocument(linkedomDocument(), make).svg;
			expect(make().svg).toBe(expected);
		});
	}

	it('throws on a DOM member it does not implement', () => {
		const element = new ServerDocument().createElementNS('http://www.w3.org/2000/svg', 'g') as unknown as Record<string, unknown>;
		expect(() => element.getBBox).toThrow(/getBBox is not implemented/u);
		expect(() => element.querySelectorAll).toThrow(/not implemented/u);
		expect(element.__data__).toBeUndefined();
		expect(typeof element.hasOwnProperty).toBe('function');
	});

	for (const [name, options] of Object.entries(PLOTS)) {
		it(`serializes the ${name} plot as linkedom does`, () => {
			const linked = linkedomDocument();
			const expected = (Plot.plot({ ...options(), document: linked }) as unknown as Element).outerHTML;
			const actual = (Plot.plot({ ...options(), document: new ServerDocument() as unknown as Document }) as unknown as Element).outerHTML;
			// Plot numbers its class and clip ids process-wide: compare with them renamed in order.
			const same = (svg: string) => svg.replace(/plot-[0-9a-f]{6}/gu, 'plot-x').replace(/plot-(clip|marker|pattern)-\d+/gu, 'plot-$1');
			expect(same(actual)).toBe(same(expected));
			expect(actual.length).toBeGreaterThan(100);
		});
	}

	it('keeps attributes in linkedom order (newest first), updates in place, drops removed ones', () => {
		const document = new ServerDocument();
		const g = document.createElementNS('http://www.w3.org/2000/svg', 'g');
		g.setAttribute('a', 1);
		g.setAttribute('b', 'x&"y"');
		g.setAttribute('a', 2);
		g.setAttribute('c', '');
		g.removeAttribute('c');
		g.setAttribute('id', '');
		const text = g.appendChild(document.createElementNS('http://www.w3.org/2000/svg', 'text'));
		text.textContent = '<b> & c';
		g.appendChild(document.createElementNS('http://www.w3.org/2000/svg', 'path'));
		expect(g.outerHTML).toBe('<g b="x&&quot;y&quot;" a="2"><text>&lt;b&gt; &amp; c</text><path /></g>');
		text.textContent = '';
		expect(text.outerHTML).toBe('<text />');
	});
});
