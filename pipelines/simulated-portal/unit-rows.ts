// Renders the unit tree export (don-vi): one row per unit with members and targets as known at the export time.
import { parseMinute } from './calendar.ts';
import { SECTORS } from './level1-profiles.ts';
import type { UnitTree } from './unit-tree.ts';

export const UNIT_HEADERS = ['Mã đơn vị', 'Tên đơn vị', 'Cấp', 'Mã đơn vị cấp trên', 'Loại', 'Tỉnh, thành phố', 'Khối', 'Số đoàn viên', 'Chỉ tiêu giao', 'Chỉ tiêu đăng ký', 'Chỉ tiêu giai đoạn 1'] as const;

const REGISTERED_FROM = parseMinute('20/04/2022 08:00');
const PHASE1_FROM = parseMinute('20/04/2022 08:00');
const REVISED_FROM = parseMinute('31/12/2022 23:59');

/** Every unit row (level 1, then its uppers each followed by its grassroots unions) as exported at time at. */
export function unitRows(tree: UnitTree, at: number): string[][] {
	const rows: string[][] = [];
	const g = tree.grassroots;
	const registered = (base: number, revised: number) => (at < REGISTERED_FROM ? '' : String(at >= REVISED_FROM ? revised : base));
	const phase1 = (v: number) => (at < PHASE1_FROM ? '' : String(v));
	for (const node of tree.level1) {
		let members = 0;
		for (const k of node.grassroots) members += g.members[k]!;
		rows.push([node.code, node.name, '1', '', node.typeLabel, node.provinceName, '', String(members), String(node.assigned), registered(node.registered, node.registeredRevised), phase1(node.phase1)]);
		for (const u of node.uppers) {
			const upper = tree.uppers[u]!;
			let upperMembers = 0;
			for (const k of upper.grassroots) upperMembers += g.members[k]!;
			rows.push([upper.code, upper.name, '2', node.code, 'Công đoàn cấp trên trực tiếp cơ sở', node.provinceName, '', String(upperMembers), String(upper.assigned), registered(upper.registered, upper.registeredRevised), phase1(upper.phase1)]);
			for (const k of upper.grassroots) {
				rows.push([g.code[k]!, g.name[k]!, '3', upper.code, 'Công đoàn cơ sở', g.provinceName[k]!, SECTORS[g.sector[k]!]!, String(g.members[k]!), String(g.assigned[k]!), '', '']);
			}
		}
	}
	return rows;
}
