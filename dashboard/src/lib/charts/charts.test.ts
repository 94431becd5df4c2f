// Snapshot tests of every chart (Plot's style: named examples → snapshots/<name>.svg, numbers rounded), plus determinism, accessibility, data attributes and PNG rendering.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pngSize, svgToPng } from '../exports/png-export.server.ts';
import { CHART_EXAMPLES } from './chart-fixtures.ts';
import { chartTableHtml } from './chart-output.ts';
import { milestoneCrossings } from './programme-calendar.ts';
import { normalizeIds } from './plot-svg.ts';
import { binLabels, binOf } from './tile-map-chart.ts';
import { cumulativeChart } from './cumulative-chart.ts';
import { labelAnchor, peerDistributionChart, peerStanding } from './peer-distribution-chart.ts';
import { textColorOn } from './palettes.ts';

const snapshots = new URL('./snapshots/', import.meta.url);

/** Numbers with more than two decimals rounded to two, as Plot's own tests do, so float noise never fails a snapshot. */
function roundNumbers(svg: string): string {
	return svg.replace(/\d+\.\d{3,}/gu, (n) => String(Math.round(Number(n) * 100) / 100));
}

describe('chart snapshots', () => {
	for (const [name, render] of Object.entries(CHART_EXAMPLES)) {
		it(`${name} renders as its snapshot`, () => {
			const actual = roundNumbers(render().svg);
			const file = new URL(`${name}.svg`, snapshots);
			if (!existsSync(file)) {
				if (process.env.CI === 'true') throw new Error(`missing snapshot ${name}.svg (never written on CI)`);
				mkdirSync(snapshots, { recursive: true });
				writeFileSync(file, actual);
			}
			expect(actual).toBe(readFileSync(file, 'utf8'));
		});
	}
});

describe('every chart', () => {
	const charts = Object.entries(CHART_EXAMPLES).map(([name, render]) => [name, render()] as const);

	it('renders the same bytes twice (no random or counter ids)', () => {
		for (const [name, chart] of charts) expect(CHART_EXAMPLES[name]!().svg, name).toBe(chart.svg);
	});

	it('is a standalone SVG with fixed size, role img, title and description', () => {
		for (const [name, chart] of charts) {
			expect(chart.svg, name).toMatch(
				new RegExp(`^<svg xmlns="http://www.w3.org/2000/svg" width="${chart.width}" height="${chart.height}" viewBox="0 0 ${chart.width} ${chart.height}" role="img" aria-labelledby="${chart.id}-title ${chart.id}-desc"`, 'u')
			);
			expect(chart.svg, name).toContain(`<title id="${chart.id}-title">`);
			expect(chart.description.length, name).toBeGreaterThan(20);
			expect(chart.svg, name).not.toMatch(/plot-clip-\d|plot-marker-\d|plot-pattern-\d/u);
			expect(chart.table.rows.length, name).toBeGreaterThan(0);
		}
	});

	it('renders to a PNG with resvg (so the SVG is well-formed XML)', () => {
		for (const [name, chart] of charts.filter(([n]) => n === 'tileMap63' || n === 'cumulativeNational' || n === 'shareGrouped')) {
			expect(pngSize(svgToPng(chart.svg, { scale: 1 })), name).toEqual({ width: chart.width, height: chart.height });
		}
	});

	it('writes vi-VN ticks and dates', () => {
		const national = CHART_EXAMPLES.cumulativeNational!();
		expect(national.svg).toContain('>1.000.000<');
		expect(national.svg).toContain('>01/04/2022<');
		expect(national.svg).toContain('Giai đoạn 1');
		expect(national.svg).toContain('Cao điểm 40 ngày');
		expect(CHART_EXAMPLES.barAttainment!().svg).toContain('>108,9%<');
	});
});

describe('data attributes for hydration', () => {
	it('puts unit code and value on bars, tiles and peers, links where given', () => {
		const bar = CHART_EXAMPLES.barAttainment!().svg;
		expect(bar).toMatch(/<a href="\/don-vi\/T38"[^>]*><rect data-value="1.452" data-code="T38"/u);
		expect(bar).toContain('data-highlight="true" data-value="1.089" data-code="T77"');
		expect(CHART_EXAMPLES.tileMap63!().svg).toMatch(/<rect data-bin="4" data-value="1.46" data-code="38"/u);
		expect(CHART_EXAMPLES.peerDistribution!().svg).toContain('data-highlight="true" data-value="1.089" data-code="T77"');
		expect(CHART_EXAMPLES.cumulativeNational!().svg).toContain('data-milestone="1000000"');
		expect(CHART_EXAMPLES.cumulativeUnitWithPeers!().svg).toContain('data-unit="T38" data-series="value"');
	});

	it('renumbers Plot ids under the chart id', () => {
		expect(normalizeIds('<clipPath id="plot-clip-7"/><g clip-path="url(#plot-clip-7)"/><clipPath id="plot-clip-9"/>', 'c')).toBe(
			'<clipPath id="c-clip-1"/><g clip-path="url(#c-clip-1)"/><clipPath id="c-clip-2"/>'
		);
	});
});

describe('chart logic', () => {
	it('finds the first point at or above each milestone', () => {
		const series = [
			{ time: '2022-04-27T00:00:00', value: 290_000 },
			{ time: '2022-04-28T00:00:00', value: 305_000 },
			{ time: '2022-10-03T15:34:00', value: 1_000_000 }
		];
		expect(milestoneCrossings(series, [300_000, 1_000_000, 2_000_000])).toEqual([
			{ milestone: 300_000, time: '2022-04-28T00:00:00', value: 305_000 },
			{ milestone: 1_000_000, time: '2022-10-03T15:34:00', value: 1_000_000 }
		]);
	});

	it('bins values by thresholds and labels the bins', () => {
		expect([null, 0.2, 0.5, 0.99, 1, 1.2, 3].map((v) => binOf(v, [0.5, 0.8, 1, 1.2]))).toEqual([-1, 0, 1, 2, 3, 4, 4]);
		expect(binLabels([0.5, 0.8, 1, 1.2], (v) => `${v * 100}%`)).toEqual(['< 50%', '50% – < 80%', '80% – < 100%', '100% – < 120%', '≥ 120%']);
	});

	it('ranks a unit among peers with ties sharing the better rank', () => {
		const peers = [
			{ code: 'a', label: 'A', value: 3 },
			{ code: 'b', label: 'B', value: 5 },
			{ code: 'c', label: 'C', value: 5 },
			{ code: 'd', label: 'D', value: 1 }
		];
		expect(peerStanding(peers, 'c')).toEqual({ rank: 1, count: 4, median: 4 });
		expect(peerStanding(peers, 'a')).toEqual({ rank: 3, count: 4, median: 4 });
		expect(peerStanding(peers, 'zz').rank).toBeNull();
	});

	it("keeps the unit's label inside the peer chart: ending at its dot near the top of the axis, starting near the bottom", () => {
		expect([0, 0.3, 0.5, 0.7, 1].map((v) => labelAnchor(v, [0, 1]))).toEqual(['start', 'start', 'middle', 'end', 'end']);
		expect(labelAnchor(5, [5, 5])).toBe('middle');
		const peers = [
			{ code: 'T38', label: 'Liên đoàn Lao động tỉnh Thanh Hóa', value: 18.8 },
			{ code: 'T40', label: 'Liên đoàn Lao động tỉnh Nghệ An', value: 1.2 },
			{ code: 'T42', label: 'Liên đoàn Lao động tỉnh Hà Tĩnh', value: 1.5 }
		];
		const label = (unitCode: string) =>
			/<g[^>]*aria-label="text"[^>]*>/u.exec(peerDistributionChart({ id: 'p', title: 'Bắc Trung Bộ', valueLabel: 'Tỷ lệ', kind: 'percent', peerGroupLabel: 'Bắc Trung Bộ', peers, unitCode }).svg)![0];
		expect(label('T38')).toContain('text-anchor="end"');
		expect(label('T40')).toContain('text-anchor="start"');
	});

	it('keeps the last date label of the cumulative chart whole when the series ends days after a tick (08/10/2023)', () => {
		const series = [
			{ time: '2022-01-08T23:59:00', value: 0 },
			{ time: '2023-10-08T08:00:00', value: 2_105_000 }
		];
		const svg = cumulativeChart({ id: 'c', title: 'Sáng kiến trên hệ thống', seriesLabel: 'Sáng kiến trên hệ thống', series, width: 720 }).svg;
		const tickLabels = /<g[^>]*aria-label="x-axis tick label"[^>]*>(.*?)<\/g>/u.exec(svg)![1]!;
		const centres = [...tickLabels.matchAll(/translate\(([\d.]+),[\d.]+\)" y="[^"]*">([^<]+)</gu)].map((m) => ({ x: Number(m[1]), text: m[2]! }));
		expect(centres.at(-1)!.text).toBe('01/10/2023');
		// a 10-character date in the 10 px axis font is ~60 px wide: its centre at least 30 px inside the chart's width
		for (const { x } of centres) expect(x).toBeLessThanOrEqual(720 - 30);
	});

	it('picks readable text on the sequential colours', () => {
		expect(['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'].map(textColorOn)).toEqual(['#111111', '#111111', '#111111', '#111111', '#ffffff']);
	});

	it('writes the data table as accessible HTML with vi-VN cells', () => {
		const html = chartTableHtml(CHART_EXAMPLES.barCounts!());
		expect(html).toContain('<caption>Mười đơn vị dẫn đầu, 20/04/2022</caption>');
		expect(html).toContain('<th scope="col" class="num">Sáng kiến trên hệ thống</th>');
		expect(html).toContain('<th scope="row">T38</th><td>Thanh Hóa</td><td class="num">35.728</td>');
	});
});
