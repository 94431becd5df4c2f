// The programme's dates drawn on time charts: the two portal phases, the 40-day campaign and the national milestones (../shared/domain.md).
import type { WallClock } from '../../../../warehouse/time/wall-clock.ts';

export interface CalendarBand {
	key: 'phase1' | 'phase2' | 'campaign';
	start: WallClock;
	/** Exclusive end. */
	end: WallClock;
	labelVi: string;
	labelEn: string;
}

/** Phase 1: 08/01/2022 – 31/05/2022; phase 2: 01/06/2022 – 01/09/2023 (to the end of that day). */
export const PHASES: readonly CalendarBand[] = [
	{ key: 'phase1', start: '2022-01-08T00:00:00', end: '2022-06-01T00:00:00', labelVi: 'Giai đoạn 1', labelEn: 'Phase 1' },
	{ key: 'phase2', start: '2022-06-01T00:00:00', end: '2023-09-02T00:00:00', labelVi: 'Giai đoạn 2', labelEn: 'Phase 2' }
];

/** The 40-day peak campaign: 22/04/2022 – 31/05/2022. */
export const CAMPAIGN: CalendarBand = {
	key: 'campaign',
	start: '2022-04-22T00:00:00',
	end: '2022-06-01T00:00:00',
	labelVi: 'Cao điểm 40 ngày',
	labelEn: '40-day campaign'
};

/** National milestones marked where the curve first reaches them. */
export const NATIONAL_MILESTONES: readonly number[] = [300_000, 1_000_000];

export interface SeriesPoint {
	time: WallClock;
	value: number;
}

export interface MilestoneCrossing {
	milestone: number;
	time: WallClock;
	value: number;
}

/** The first point of a time-ordered cumulative series at or above each milestone (milestones never reached are left out). */
export function milestoneCrossings(series: readonly SeriesPoint[], milestones: readonly number[]): MilestoneCrossing[] {
	return milestones.flatMap((milestone) => {
		const point = series.find((p) => p.value >= milestone);
		return point ? [{ milestone, time: point.time, value: point.value }] : [];
	});
}
