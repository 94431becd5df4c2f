// WarehouseSchema stays in sync with warehouse/schema/*.sql: same tables, same columns (checked by the compiler and on a real DuckDB).
import { describe, expect, it } from 'vitest';
import { Database } from './duckdb/database.ts';
import { createSchema } from './schema/create-schema.ts';
import type { WarehouseSchema } from './tables.ts';

/** Every column of every table; the type makes a missing or extra column in tables.ts a compile error. */
const COLUMNS: { [T in keyof WarehouseSchema]: Record<keyof WarehouseSchema[T], true> } = {
	daily_series: { unit_code: true, unit_level: true, day: true, on_portal: true, under_review: true, valid: true, invalid: true, valid_benefit: true },
	figure_revision: { level1_code: true, month: true, metric: true, previous_value: true, new_value: true, previous_month_end: true, new_month_end: true, explained: true, file_ids: true },
	file_presence: { file_id: true, initiative_id: true },
	initiative: { initiative_id: true, title: true, field: true, author: true, coauthors: true, phone: true, position: true, is_leader: true, grassroots_code: true, upper_code: true, level1_code: true, sector: true, submitted_at: true, recognized_on: true, status: true, reviewed_at: true, status_at: true, benefit: true, author_key: true, first_seen_at: true, withdrawn_at: true },
	initiative_period: { initiative_id: true, grassroots_code: true, upper_code: true, level1_code: true, status: true, benefit: true, field: true, sector: true, is_leader: true, submitted_at: true, from_at: true, to_at: true, grassroots_no: true, author_key_no: true },
	initiative_version: { initiative_id: true, valid_from: true, valid_to: true, grassroots_code: true, submitted_at: true, recognized_on: true, status: true, reviewed_at: true, benefit: true, status_at: true },
	initiative_withdrawal: { initiative_id: true, withdrawn_at: true, reinstated_at: true },
	quarantine: { file_id: true, row_number: true, field: true, raw_value: true, reason_code: true, message: true, initiative_id: true, level1_code: true, raw_record: true },
	ref_cluster: { code: true, name: true },
	ref_level1: { code: true, name: true, short_name: true, kind: true, province_code: true, region_code: true, map2025_code: true, cluster_code: true },
	ref_map2025: { code: true, name: true, kind: true, old_province_code: true },
	ref_province: { code: true, name: true, kind: true, region_code: true, map2025_code: true },
	ref_region: { code: true, name: true, name_en: true },
	run_log: { run_id: true, trigger: true, started_at: true, ended_at: true, status: true, version: true, record: true },
	source_file: { file_id: true, sha256: true, file_name: true, dataset: true, scope: true, exported_at: true, format: true, gzip: true, size_bytes: true, run_id: true, status: true, reject_reason: true, rows_read: true, rows_loaded: true, rows_quarantined: true, rows_superseded: true },
	staged_initiative: { file_id: true, row_number: true, initiative_id: true, title: true, field: true, author: true, coauthors: true, phone: true, position: true, is_leader: true, grassroots_code: true, submitted_at: true, recognized_on: true, status: true, reviewed_at: true, benefit: true },
	staged_unit: { file_id: true, row_number: true, unit_code: true, name: true, level: true, parent_code: true, type: true, province_code: true, sector: true, members: true, target_assigned: true, target_registered: true, target_phase1: true },
	superseded_row: { file_id: true, row_number: true, initiative_id: true, kept_row_number: true },
	unit: { unit_code: true, name: true, level: true, parent_code: true, level1_code: true, upper_code: true, kind: true, province_code: true, sector: true, members: true, target_assigned: true, target_registered: true, target_phase1: true },
	unit_totals: { unit_code: true, unit_level: true, name: true, parent_code: true, level1_code: true, upper_code: true, as_of: true, on_portal: true, under_review: true, valid: true, invalid: true, valid_benefit: true, participating_grassroots: true, authors: true, members: true, target_assigned: true, target_registered: true, target_phase1: true, attainment: true, attainment_registered: true, attainment_phase1: true },
	unit_totals_detail: { unit_code: true, unit_level: true, as_of: true, stating: true, benefit_quantiles: true, median_benefit: true, max_benefit: true, p1_on_portal: true, p1_valid: true, p1_benefit: true, withdrawn: true },
	unit_breakdown: { unit_code: true, unit_level: true, as_of: true, dimension: true, key: true, on_portal: true, valid: true, benefit: true },
	unit_author: { unit_code: true, unit_level: true, as_of: true, author_key: true, valid: true, on_portal: true, benefit: true, last_initiative: true },
	unit_author_front: { unit_code: true, unit_level: true, as_of: true, author_key: true, valid: true, on_portal: true, benefit: true, name: true, grassroots_code: true, level1_code: true },
	unit_top_initiative: { unit_code: true, unit_level: true, as_of: true, rank: true, initiative_id: true, title: true, field: true, grassroots_code: true, level1_code: true, benefit: true },
	unit_span: { unit_code: true, no_from: true, no_to: true },
	search_text: { text_no: true, is_title: true, text: true },
	search_period: { grassroots_no: true, title_no: true, author_no: true, id_no: true, status: true, benefit: true, submitted_at: true, from_at: true, to_at: true, initiative_id: true, field: true, grassroots_code: true, author_key_no: true, sector: true, is_leader: true },
	search_text_count: { text_no: true, on_portal: true, newest_submitted_at: true },
	search_meta: { layout: true, as_of: true, has_space: true },
	unit_version: { unit_code: true, valid_from: true, valid_to: true, name: true, level: true, parent_code: true, type: true, province_code: true, sector: true, members: true, target_assigned: true, target_registered: true, target_phase1: true },
	warehouse_meta: { key: true, value: true },
};

describe('WarehouseSchema', () => {
	it('lists exactly the tables and columns the schema files create, in order', async () => {
		const db = await Database.open(':memory:');
		await createSchema(db);
		const rows = await db.all<{ t: string; c: string }>(
			`SELECT table_name AS t, column_name AS c FROM information_schema.columns ORDER BY table_name, ordinal_position`
		);
		db.close();
		const actual: Record<string, string[]> = {};
		for (const row of rows) (actual[row.t] ??= []).push(row.c);
		const expected = Object.fromEntries(Object.entries(COLUMNS).map(([table, columns]) => [table, Object.keys(columns)]));
		expect(actual).toEqual(expected);
	});
});
