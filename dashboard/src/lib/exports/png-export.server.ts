// PNG of a chart SVG (with its caption) rendered by resvg (native, server only) with a font that has Vietnamese glyphs (DejaVu Sans when installed, else system fonts).
import { Resvg } from '@resvg/resvg-js';
import { existsSync } from 'node:fs';
import type { ExportFooter } from './export-table.ts';
import { svgWithCaption } from './svg-export.ts';

const DEJAVU_DIRECTORY = '/usr/share/fonts/truetype/dejavu';
const DEJAVU_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];

export interface PngFonts {
	fontFiles: string[];
	loadSystemFonts: boolean;
}

/** DejaVu Sans files when present (CI installs fonts-dejavu-core); otherwise the system fonts. */
export function pngFonts(directory = DEJAVU_DIRECTORY): PngFonts {
	const fontFiles = DEJAVU_FILES.map((file) => `${directory}/${file}`).filter((path) => existsSync(path));
	return { fontFiles, loadSystemFonts: fontFiles.length === 0 };
}

let cachedFonts: PngFonts | undefined;

/** Renders an SVG to PNG bytes at `scale` (2 = sharp on high-density screens and in print). */
export function svgToPng(svg: string, options: { scale?: number; fonts?: PngFonts } = {}): Buffer {
	const fonts = options.fonts ?? (cachedFonts ??= pngFonts());
	const resvg = new Resvg(svg, {
		fitTo: { mode: 'zoom', value: options.scale ?? 2 },
		background: '#ffffff',
		font: {
			fontFiles: fonts.fontFiles,
			loadSystemFonts: fonts.loadSystemFonts,
			defaultFontFamily: 'DejaVu Sans',
			sansSerifFamily: 'DejaVu Sans'
		}
	});
	return Buffer.from(resvg.render().asPng());
}

/** The .png download: the chart and its caption. */
export function pngFile(chartSvg: string, footer: ExportFooter, scale = 2): Buffer {
	return svgToPng(svgWithCaption(chartSvg, footer), { scale });
}

/** Width and height from a PNG's IHDR, or undefined when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
	const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
	if (bytes.length < 24 || signature.some((byte, i) => bytes[i] !== byte)) return undefined;
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return undefined;
	return { width: view.getUint32(16), height: view.getUint32(20) };
}
