// The simulated portal's clock: a fixed time, or a replay of the programme starting at a wall-clock time at a given speed.
import { fromInstant, parseWallClock, toInstant, type WallClock } from '../../warehouse/time/wall-clock.ts';

/** Returns the portal's current wall-clock time; undefined means "every export is already out". */
export type PortalClock = () => WallClock | undefined;

const UNIT_MS: Record<string, number> = { 's/s': 1_000, 'm/s': 60_000, 'h/s': 3_600_000, 'd/s': 86_400_000 };

/** Programme milliseconds per real millisecond: `1x` = 1, `60x`, `30m/s` = 1800, `6h/s` = 21600, `1d/s` = 86400. */
export function parseSpeed(text: string): number {
	const match = /^(\d+(?:\.\d+)?)(x|s\/s|m\/s|h\/s|d\/s)$/u.exec(text.trim());
	const amount = match ? Number(match[1]) : NaN;
	if (!match || !(amount > 0)) {
		throw new Error(`invalid speed "${text}" (expected e.g. 1x, 60x, 30m/s, 6h/s, 1d/s)`);
	}
	const unit = match[2] ?? 'x';
	return unit === 'x' ? amount : (amount * (UNIT_MS[unit] ?? 0)) / 1_000;
}

/** Parses `2022-04-20T08:00`, `20/04/2022 08:00` or `20/04/2022` as a Viet Nam wall-clock time, or throws naming the text. */
export function parseClockTime(text: string, option = 'time'): WallClock {
	const time = parseWallClock(text);
	if (time === undefined) throw new Error(`invalid ${option} "${text}" (expected ISO or dd/mm/yyyy HH:mm)`);
	return time;
}

/** A clock stuck at one time. */
export function fixedClock(time: WallClock): PortalClock {
	return () => time;
}

/** A clock that starts at `start` when created and runs `speed` times faster than real time. */
export function replayClock(start: WallClock, speed: number, realNow: () => number = Date.now): PortalClock {
	const realStart = realNow();
	const programmeStart = toInstant(start);
	return () => fromInstant(programmeStart + (realNow() - realStart) * speed);
}

/** True when an export made at `exportedAt` is out at the clock's current time. */
export function isDue(exportedAt: WallClock, clock: PortalClock | undefined): boolean {
	const now = clock?.();
	return now === undefined || exportedAt <= now;
}
