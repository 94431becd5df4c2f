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

/** Groups smaller than this are suppressed in breakdowns shown to the press (a group of fewer could single out a person). */
export const PRESS_MIN_GROUP_SIZE = 5;

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
