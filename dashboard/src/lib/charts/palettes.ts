// The chart colours, all colour-blind safe: Okabe–Ito for categories, ColorBrewer YlGnBu for ordered bins.

/**
 * Okabe & Ito (2008), "Color Universal Design": eight colours distinguishable with protanopia, deuteranopia
 * and tritanopia. Order chosen so the first colours also differ in lightness (blue, orange, bluish green, …).
 */
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'] as const;

/** The series colour (Okabe–Ito blue), the highlight (Okabe–Ito vermillion) and the peer/reference colour (orange). */
export const SERIES_COLOR = OKABE_ITO[0];
export const HIGHLIGHT_COLOR = '#D55E00';
export const PEER_COLOR = '#E69F00';
export const MUTED_COLOR = '#9AA5B1';
export const MISSING_COLOR = '#E4E7EB';

/**
 * ColorBrewer YlGnBu, 5 classes (Brewer, Harrower: marked colour-blind safe and print friendly): a sequential
 * ramp light → dark, used for the tile maps' attainment bins. Text on the last two classes is white.
 */
export const SEQUENTIAL_5 = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'] as const;

/** Background of the programme phases and the 40-day campaign on time charts (greys and a pale Okabe–Ito orange). */
export const BAND_COLORS = { phase1: '#EEF2F6', phase2: '#F8F9FB', campaign: '#FBE3B5' } as const;

/** Relative luminance (WCAG) of a #rrggbb colour. */
export function luminance(hex: string): number {
	const channel = (i: number) => {
		const c = parseInt(hex.slice(i, i + 2), 16) / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** Black or white text, whichever contrasts more with the fill. */
export function textColorOn(fill: string): '#111111' | '#ffffff' {
	const l = luminance(fill);
	return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#111111' : '#ffffff';
}
