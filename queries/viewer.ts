// Who is asking: every query takes a viewer and scopes itself (detail only inside the viewer's own subtree; press sees aggregates only).

export type Role = 'leadership' | 'regional' | 'press' | 'admin';

export interface Viewer {
	role: Role;
	/** For a regional union: the level-1 or upper-level unit code its account is bound to. */
	unitCode?: string;
	/** The account, for the audit log (never shown in figures). */
	userId?: string;
}

/** The confederation's leadership: sees everything. */
export const LEADERSHIP: Viewer = { role: 'leadership' };

export const ROLES: readonly Role[] = ['leadership', 'regional', 'press', 'admin'];

/** Groups smaller than this are suppressed in breakdowns shown to the press (a group of fewer could single out a person). */
export const PRESS_MIN_GROUP_SIZE = 5;

/** The deepest unit level the press sees figures of: upper-level unions (2); a single grassroots union (3) can be a handful of people. */
export const PRESS_MAX_UNIT_LEVEL = 2;

/** Is `unitCode` inside (or equal to) the subtree rooted at `rootCode`? Codes nest by dots: T38 ⊃ T38.07 ⊃ T38.07.0153. */
export function isWithin(unitCode: string, rootCode: string): boolean {
	return unitCode === rootCode || unitCode.startsWith(`${rootCode}.`);
}

/** May the viewer see initiative content and personal data (titles, authors, phones) of this unit? */
export function canSeeDetail(viewer: Viewer, unitCode: string): boolean {
	switch (viewer.role) {
		case 'leadership':
			return true;
		case 'regional':
			return viewer.unitCode !== undefined && isWithin(unitCode, viewer.unitCode);
		case 'press':
		case 'admin':
			return false;
	}
}

/**
 * May the viewer see aggregate figures (totals, targets, ranks, series, breakdowns) of a unit of this level (0 = the nation)?
 * Leadership and regional unions: every level (peers as aggregates); press: down to upper-level unions; admin: none (admin
 * sees users, runs, sources and data health, not figures).
 */
export function canSeeFigures(viewer: Viewer, level: number): boolean {
	switch (viewer.role) {
		case 'leadership':
		case 'regional':
			return true;
		case 'press':
			return level <= PRESS_MAX_UNIT_LEVEL;
		case 'admin':
			return false;
	}
}

/** Throws NotVisibleError unless the viewer may see figures of units of this level. */
export function assertFigures(viewer: Viewer, level: number, what: string): void {
	if (!canSeeFigures(viewer, level)) throw new NotVisibleError(what);
}

/** The subtree root to which detail queries of this viewer are restricted (null = everything, undefined = nothing). */
export function detailRoot(viewer: Viewer): string | null | undefined {
	if (viewer.role === 'leadership') return null;
	if (viewer.role === 'regional') return viewer.unitCode;
	return undefined;
}

/** Thrown when a viewer asks for what they may not see; routes answer 404 so existence is not revealed. */
export class NotVisibleError extends Error {
	readonly code = 'not_visible';
	constructor(what: string) {
		super(`not visible: ${what}`);
	}
}
