// SVG and PNG downloads: the caption carries the footer, the PNG decodes at twice the size.
import { describe, expect, it } from 'vitest';
import { sampleFooter } from './exports-fixture.ts';
import { pngFile, pngFonts, pngSize } from './png-export.server.ts';
import { captionLines, escapeXml, svgFile, svgSize, wrapText } from './svg-export.ts';

const chart =
	'<svg xmlns="http://www.w3.org/2000/svg" width="320" height="120" viewBox="0 0 320 120" font-family="system-ui, sans-serif">' +
	'<rect x="10" y="10" width="200" height="40" fill="#0072B2"/><text x="10" y="80">Thanh Hóa – Đắk Lắk: 1.234.567</text></svg>';

describe('svgFile', () => {
	it('opens with an XML prolog and nests the chart above its caption', () => {
		const file = svgFile(chart, sampleFooter);
		expect(file.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="320"')).toBe(true);
		expect(file).toContain('<svg x="0" y="0" xmlns="http://www.w3.org/2000/svg" width="320" height="120"');
		expect(file).toContain('Tính đến: ngày 31/8/2023 (00:00 31/08/2023)');
		expect(file).toContain('Nguồn: dữ liệu xuất từ Cổng &quot;1 triệu sáng');
		const { height } = svgSize(file.slice(file.indexOf('<svg')));
		expect(height).toBe(120 + 12 + captionLines(sampleFooter, 320).length * 15);
	});

	it('escapes the five XML specials, every one of them, and leaves other text as it is', () => {
		expect(escapeXml(`a & b <c> "d" 'e' && <<`)).toBe('a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &amp;&amp; &lt;&lt;');
		expect(escapeXml('1.234.567 Thanh Hóa')).toBe('1.234.567 Thanh Hóa');
		expect(escapeXml('')).toBe('');
	});

	it('wraps caption lines at spaces', () => {
		expect(wrapText('một hai ba bốn năm', 8)).toEqual(['một hai', 'ba bốn', 'năm']);
		expect(captionLines(sampleFooter, 320).every((line) => line.length <= 44 || !line.includes(' '))).toBe(true);
	});
});

describe('pngFile', () => {
	it('renders a PNG whose IHDR is twice the captioned SVG size', () => {
		const png = pngFile(chart, sampleFooter);
		const size = pngSize(png);
		expect(size).toEqual({ width: 640, height: 2 * (120 + 12 + captionLines(sampleFooter, 320).length * 15) });
	});

	it('uses DejaVu Sans when installed and system fonts otherwise', () => {
		expect(pngFonts('/nonexistent')).toEqual({ fontFiles: [], loadSystemFonts: true });
	});

	it('refuses bytes that are not a PNG', () => {
		expect(pngSize(Buffer.from('GIF89a------------------'))).toBeUndefined();
	});
});
