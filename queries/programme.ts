// The programme's calendar and goals (domain.md "Rules and timeline"): phases, the 40-day campaign, the national goals; pure constants.
import type { WallClock } from '../warehouse/time/wall-clock.ts';

export interface Span {
	key: string;
	labelVi: string;
	labelEn: string;
	/** Inclusive start, Viet Nam wall-clock. */
	from: WallClock;
	/** Exclusive end. */
	to: WallClock;
}

/** The programme's first day (08/01/2022): every daily series starts there. */
export const FIRST_DAY = '2022-01-08';

/** Phase 1: 08/01/2022 – 31/05/2022 (national goal 300,000); phase 2: 01/06/2022 – 01/09/2023. */
export const PHASES: Span[] = [
	{ key: 'phase1', labelVi: 'Giai đoạn 1', labelEn: 'Phase 1', from: '2022-01-08T00:00:00', to: '2022-06-01T00:00:00' },
	{ key: 'phase2', labelVi: 'Giai đoạn 2', labelEn: 'Phase 2', from: '2022-06-01T00:00:00', to: '2023-09-02T00:00:00' }
];

/** The 40-day peak emulation campaign launched 22/04/2022 to reach 300,000 by 31/05/2022. */
export const CAMPAIGN: Span = {
	key: 'campaign40',
	labelVi: 'Đợt thi đua cao điểm 40 ngày',
	labelEn: '40-day peak emulation campaign',
	from: '2022-04-22T00:00:00',
	to: '2022-06-01T00:00:00'
};

/** The programme's goal, and phase 1's. */
export const GOAL = 1_000_000;
export const PHASE1_GOAL = 300_000;

/** The milestones marked on the national curve. */
export const MILESTONES = [PHASE1_GOAL, GOAL];

/** The phase a submission time falls in ('phase1' before 01/06/2022). */
export const PHASE2_START = PHASES[1]!.from;
