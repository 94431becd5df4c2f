// The cumulative curve over the programme: phase bands, the 40-day campaign, milestone markers and an optional peer-median line.
import * as Plot from '@observablehq/plot';
import { formatDate, formatInteger } from '../../../../queries/format/vi-format.ts';
import type { ExportTable } from '../exports/export-table.ts';
import { chartDate, formatChartDate } from './axis-formats.ts';
import { swatchLegend } from './chart-legend.ts';
import type { ChartBase, ChartOutput } from './chart-output.ts';
import { BAND_COLORS, PEER_COLOR, SERIES_COLOR } from './palettes.ts';
import { composeChart, renderPlot, withDataAttributes, withMarkAttributes } from './plot-svg.ts';
import { CAMPAIGN, milestoneCrossings, NATIONAL_MILESTONES, PHASES, type SeriesPoint } from './programme-calendar.ts';

export interface CumulativeChartInput extends ChartBase {
	/** Cumulative values in time order (e.g. daily, as of the end of each day). */
	series: readonly SeriesPoint[];
	/** What the curve counts, e.g. "Sáng kiến trên hệ thống". */
	seriesLabel: string;
	/** The unit the curve belongs to (data-unit on the line). */
	unitCode?: string;
	/** The peers' median at the same times, drawn dashed. */
	peerMedian?: readonly SeriesPoint[];
	/** Values marked where first reached; the national 300,000 and 1,000,000 by default, [] for a unit. */
	milestones?: readonly number[];
	height?: number;
}

const TEXT = {
	vi: { date: 'Ngày', median: 'Trung vị nhóm so sánh', reached: 'đạt', on: 'ngày', to: 'đến', from: 'từ', milestone: 'Mốc' },
	en: { date: 'Date', median: 'Peer median', reached: 'reached', on: 'on', to: 'to', from: 'from', milestone: 'Milestone' }
} as const;

/** The chart's data table: date, value, and the peer median where given (matched by time). */
function cumulativeTable(input: CumulativeChartInput): ExportTable {
	const language = input.language ?? 'vi';
	const median = new Map(input.peerMedian?.map((p) => [p.time, p.value]));
	const columns: ExportTable['columns'] = [
		{ key: 'time', label: TEXT[language].date, kind: 'date' },
		{ key: 'value', label: input.seriesLabel, kind: 'integer' }
	];
	if (input.peerMedian) columns.push({ key: 'median', label: TEXT[language].median, kind: 'integer' });
	const rows = input.series.map((p) => ({ time: p.time, value: p.value, ...(input.peerMedian ? { median: median.get(p.time) ?? null } : {}) }));
	return { columns, rows };
}

/** The text alternative: span, last value, milestone dates. */
function cumulativeDescription(input: CumulativeChartInput): string {
	const language = input.language ?? 'vi';
	const words = TEXT[language];
	const first = input.series[0];
	const last = input.series.at(-1);
	if (!first || !last) return `${input.seriesLabel}: —`;
	const crossings = milestoneCrossings(input.series, input.milestones ?? NATIONAL_MILESTONES);
	const parts = [
		`${input.seriesLabel} ${words.from} ${formatDate(first.time)} ${words.to} ${formatDate(last.time)}: ${formatInteger(last.value, language)}.`,
		...crossings.map((c) => `${words.milestone} ${formatInteger(c.milestone, language)} ${words.reached} ${words.on} ${formatDate(c.time)}.`)
	];
	return parts.join(' ');
}

/** The cumulative chart as a standalone SVG with its text alternative and data table. */
export function cumulativeChart(input: CumulativeChartInput): ChartOutput {
	const language = input.language ?? 'vi';
	const width = input.width ?? 720;
	const plotHeight = input.height ?? 340;
	const series = input.series.map((p) => ({ ...p, date: chartDate(p.time) }));
	const median = (input.peerMedian ?? []).map((p) => ({ ...p, date: chartDate(p.time) }));
	const crossings = milestoneCrossings(input.series, input.milestones ?? NATIONAL_MILESTONES).map((c) => ({ ...c, date: chartDate(c.time) }));
	const bands = [...PHASES, CAMPAIGN].map((band) => ({
		...band,
		x1: chartDate(band.start),
		x2: chartDate(band.end),
		label: language === 'vi' ? band.labelVi : band.labelEn
	}));
	const lastDate = series.at(-1)?.date;
	const programmeEnd = chartDate(PHASES[1]!.end);
	const xDomain = [chartDate(PHASES[0]!.start), lastDate && lastDate > programmeEnd ? lastDate : programmeEnd];
	const yMax = Math.max(1, ...series.map((p) => p.value), ...median.map((p) => p.value));

	const plotSvg = renderPlot({
		width,
		height: plotHeight,
		marginLeft: 68,
		// half a date label ("01/10/2023"): a tick a few days before the last export stays whole
		marginRight: 40,
		marginTop: 24,
		x: { type: 'utc', domain: xDomain, ticks: width >= 600 ? '3 months' : '6 months', tickFormat: formatChartDate, label: null },
		y: { domain: [0, yMax * 1.05], grid: true, tickFormat: (v: number) => formatInteger(v, language), label: null, nice: true },
		marks: [
			Plot.rectX(bands, {
				x1: 'x1',
				x2: 'x2',
				fill: (d: (typeof bands)[number]) => BAND_COLORS[d.key],
				render: withDataAttributes(bands, (d) => ({ band: d.key, start: d.start, end: d.end }))
			}),
			Plot.text(bands.filter((b) => b.key !== 'campaign'), { x: 'x1', text: 'label', frameAnchor: 'top', textAnchor: 'start', dx: 3, dy: 6, fill: '#444444' }),
			Plot.text(bands.filter((b) => b.key === 'campaign'), { x: 'x1', text: 'label', frameAnchor: 'top', textAnchor: 'start', dx: 3, dy: 20, fill: '#444444' }),
			Plot.ruleY([0]),
			...(median.length
				? [Plot.line(median, { x: 'date', y: 'value', stroke: PEER_COLOR, strokeWidth: 2, strokeDasharray: '5,3', render: withMarkAttributes({ series: 'peer-median' }) })]
				: []),
			Plot.line(series, { x: 'date', y: 'value', stroke: SERIES_COLOR, strokeWidth: 2.5, render: withMarkAttributes({ series: 'value', unit: input.unitCode }) }),
			Plot.ruleX(crossings, { x: 'date', stroke: '#555555', strokeDasharray: '2,3' }),
			Plot.dot(crossings, {
				x: 'date',
				y: 'value',
				r: 5,
				fill: SERIES_COLOR,
				stroke: '#ffffff',
				title: (c: (typeof crossings)[number]) => `${formatInteger(c.milestone, language)}: ${formatDate(c.time)}`,
				render: withDataAttributes(crossings, (c) => ({ milestone: c.milestone, time: c.time, value: c.value }))
			}),
			Plot.text(crossings, {
				x: 'date',
				y: 'value',
				text: (c: (typeof crossings)[number]) => `${formatInteger(c.milestone, language)} · ${formatDate(c.time)}`,
				textAnchor: 'end',
				dx: -8,
				dy: -8,
				fill: '#111111',
				stroke: '#ffffff',
				strokeWidth: 3,
				paintOrder: 'stroke'
			})
		]
	});

	const header = swatchLegend(
		[
			{ label: input.seriesLabel, color: SERIES_COLOR, line: 'solid' as const },
			...(median.length ? [{ label: TEXT[language].median, color: PEER_COLOR, line: 'dashed' as const }] : []),
			...bands.map((b) => ({ label: b.label, color: BAND_COLORS[b.key] }))
		],
		width
	);
	const description = cumulativeDescription(input);
	const { svg, height } = composeChart({ id: input.id, kind: 'cumulative', title: input.title, description, width, plotHeight, plotSvg, header });
	return { id: input.id, svg, width, height, title: input.title, description, table: cumulativeTable(input) };
}
