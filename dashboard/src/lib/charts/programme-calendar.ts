// The programme's dates drawn on time charts: the two portal phases, the 40-day campaign and the national milestones (../shared/domain.md).
import { CAMPAIGN as PROGRAMME_CAMPAIGN, MILESTONES, PHASES as PROGRAMME_PHASES } from '../../../../queries/programme.ts';
import type { WallClock } from '../../../../warehouse/time/wall-clock.ts';

export interface CalendarBand {
	key: 'phase1' | 'phase2' | 'campaign';
	start: WallClock;
	/** Exclusive end. */
	end: WallClock;
	labelVi: string;
	labelEn: string;
}

const [phase1, phase2] = PROGRAMME_PHASES;

/** Phase 1: 08/01/2022 – 31/05/2022; phase 2: 01/06/2022 – 01/09/2023 (to the end of that day); dates from queries/programme.ts. */
export const PHASES: readonly CalendarBand[] = [
	{ key: 'phase1', start: phase1!.from, end: phase1!.to, labelVi: 'Giai đoạn 1', labelEn: 'Phase 1' },
	{ key: 'phase2', start: phase2!.from, end: phase2!.to, labelVi: 'Giai đoạn 2', labelEn: 'Phase 2' }
];

/** The 40-day peak campaign: 22/04/2022 – 31/05/2022, with a label short enough for a chart band. */
export const CAMPAIGN: CalendarBand = {
	key: 'campaign',
	start: PROGRAMME_CAMPAIGN.from,
	end: PROGRAMME_CAMPAIGN.to,
	labelVi: 'Cao điểm 40 ngày',
	labelEn: '40-day campaign'
};

/** National milestones marked where the curve first reaches them. */
export const NATIONAL_MILESTONES: readonly number[] = MILESTONES;

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
