// Swatch legends drawn as plain SVG (Plot's own legends are HTML or canvas, neither works in a standalone server-rendered SVG).
import { escapeXml } from '../exports/svg-export.ts';

export interface LegendItem {
	label: string;
	color: string;
	/** Line swatch (for series) instead of a square. */
	line?: 'solid' | 'dashed';
}

const SWATCH = 12;
const GAP = 16;
const ROW_HEIGHT = 18;
/** Average advance of a 10px sans-serif character, to lay out labels without measuring. */
const CHAR_WIDTH = 6;

/** A legend row (wrapping when wider than `width`), with its height; `title` is written first, in bold. */
export function swatchLegend(items: readonly LegendItem[], width: number, title?: string, marginLeft = 8): { svg: string; height: number } {
	const parts: string[] = [];
	let x = marginLeft;
	let y = 6;
	if (title) {
		parts.push(`<text x="${x}" y="${y + 10}" font-weight="bold">${escapeXml(title)}</text>`);
		x += title.length * CHAR_WIDTH + GAP;
	}
	for (const item of items) {
		const itemWidth = SWATCH + 4 + item.label.length * CHAR_WIDTH;
		if (x + itemWidth > width && x > marginLeft) {
			x = marginLeft;
			y += ROW_HEIGHT;
		}
		const swatch = item.line
			? `<line x1="${x}" x2="${x + SWATCH}" y1="${y + 6}" y2="${y + 6}" stroke="${item.color}" stroke-width="2.5"${item.line === 'dashed' ? ' stroke-dasharray="4,2"' : ''}/>`
			: `<rect x="${x}" y="${y}" width="${SWATCH}" height="${SWATCH}" fill="${item.color}" stroke="#666666" stroke-width="0.5"/>`;
		parts.push(`<g class="sk-legend-item">${swatch}<text x="${x + SWATCH + 4}" y="${y + 10}">${escapeXml(item.label)}</text></g>`);
		x += itemWidth + GAP;
	}
	const height = y + ROW_HEIGHT + 2;
	return { svg: `<g class="sk-legend" fill="#222222" font-size="10">${parts.join('')}</g>`, height };
}
