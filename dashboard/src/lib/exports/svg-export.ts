// SVG and PNG downloads of a chart: the chart nested in a larger image with the footer as caption lines, an XML prolog for the .svg file.
import { footerLines, type ExportFooter } from './export-table.ts';

const CAPTION_FONT_SIZE = 11;
const CAPTION_LINE_HEIGHT = 15;
/** Average advance of DejaVu Sans at 1px (wide: ~0.6 em), used to wrap caption lines without measuring text. */
const AVERAGE_CHAR_WIDTH = 0.6;
const MARGIN = 12;

export const XML_PROLOG = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** Width and height of an SVG from its root attributes (or viewBox). */
export function svgSize(svg: string): { width: number; height: number } {
	const root = /<svg\b[^>]*>/u.exec(svg)?.[0] ?? '';
	const attribute = (name: string) => Number(new RegExp(`\\s${name}="([\\d.]+)"`, 'u').exec(root)?.[1]);
	let width = attribute('width');
	let height = attribute('height');
	if (!(width > 0 && height > 0)) {
		const viewBox = /\sviewBox="[\d.-]+[\s,]+[\d.-]+[\s,]+([\d.]+)[\s,]+([\d.]+)"/u.exec(root);
		width = Number(viewBox?.[1]);
		height = Number(viewBox?.[2]);
	}
	if (!(width > 0 && height > 0)) throw new Error('svg: the root element has no width and height');
	return { width, height };
}

/** Escapes text for SVG/XML content and attributes. */
export function escapeXml(text: string): string {
	// Most texts (figures, dates, names) have nothing to escape: they are returned as they are.
	return XML_SPECIAL.test(text) ? text.replace(XML_SPECIALS, (ch) => XML_ENTITIES[ch]!) : text;
}

const XML_SPECIAL = /[&<>"']/u;
const XML_SPECIALS = /[&<>"']/gu;
const XML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Splits text into lines of at most `maxChars` characters at spaces (a longer word gets a line of its own). */
export function wrapText(text: string, maxChars: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/u).filter(Boolean)) {
		if (line && line.length + 1 + word.length > maxChars) {
			lines.push(line);
			line = word;
		} else {
			line = line ? `${line} ${word}` : word;
		}
	}
	if (line) lines.push(line);
	return lines;
}

/** The caption lines of a footer for an image `width` pixels wide. */
export function captionLines(footer: ExportFooter, width: number): string[] {
	const maxChars = Math.max(20, Math.floor((width - 2 * MARGIN) / (CAPTION_FONT_SIZE * AVERAGE_CHAR_WIDTH)));
	return footerLines(footer).flatMap(([label, value]) => wrapText(`${label}: ${value}`, maxChars));
}

/** The chart with its footer as caption lines underneath, as one standalone SVG (no prolog). */
export function svgWithCaption(chartSvg: string, footer: ExportFooter): string {
	const { width, height } = svgSize(chartSvg);
	const lines = captionLines(footer, width);
	const captionHeight = MARGIN + lines.length * CAPTION_LINE_HEIGHT;
	const total = Math.ceil(height + captionHeight);
	const inner = chartSvg.replace(/^<\?xml[^>]*>\s*/u, '').replace(/<svg\b/u, `<svg x="0" y="0"`);
	const text = lines
		.map((line, index) => `<text x="${MARGIN}" y="${height + MARGIN + index * CAPTION_LINE_HEIGHT + CAPTION_FONT_SIZE - 2}">${escapeXml(line)}</text>`)
		.join('');
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}">` +
		`<rect width="${width}" height="${total}" fill="#ffffff"/>${inner}` +
		`<g font-family="DejaVu Sans, Verdana, sans-serif" font-size="${CAPTION_FONT_SIZE}" fill="#333333">${text}</g></svg>`
	);
}

/** The .svg download: XML prolog, the chart and its caption. */
export function svgFile(chartSvg: string, footer: ExportFooter): string {
	return `${XML_PROLOG}${svgWithCaption(chartSvg, footer)}\n`;
}
