// Kysely table interfaces of a warehouse version (WarehouseSchema), kept in sync with pipelines/CONTRACTS.md and warehouse/schema/*.sql.
import type { ColumnType } from 'kysely';

/** TIMESTAMP: read as "YYYY-MM-DDTHH:mm:ss" Viet Nam wall-clock; written as that text or a Date whose UTC fields hold it. */
export type Timestamp = ColumnType<string, string | Date, string | Date>;
/** DATE: read as "YYYY-MM-DD". */
export type DateOnly = ColumnType<string, string | Date, string | Date>;
/** JSON column: read as its text. */
export type JsonText = ColumnType<string, string, string>;

// ---- Reference (warehouse/schema/reference.sql, filled by warehouse/schema/load-reference.ts) ----

export interface RefRegionTable {
	code: string;
	name: string;
	name_en: string;
}

export interface RefProvinceTable {
	code: string;
	name: string;
	kind: string;
	region_code: string;
	map2025_code: string;
}

export interface RefMap2025Table {
	/** 2025-map province code. */
	code: string;
	name: string;
	kind: string;
	/** A pre-2025 province it covers (one row per covered province). */
	old_province_code: string;
}

export interface RefClusterTable {
	code: string;
	name: string;
}

export interface RefLevel1Table {
	code: string;
	name: string;
	short_name: string;
	kind: 'provincial' | 'sectoral' | 'corporation';
	province_code: string;
	region_code: string | null;
	map2025_code: string | null;
	cluster_code: string;
}

// ---- Ops (warehouse/schema/ops.sql) ----

export interface RunLogTable {
	run_id: string;
	trigger: 'manual' | 'schedule' | 'start';
	started_at: Timestamp;
	ended_at: Timestamp | null;
	status: 'published' | 'nothing_new' | 'rejected_by_audit' | 'failed';
	version: string | null;
	/** The whole run record (pipelines/run/run-log.ts) as JSON. */
	record: JsonText;
}

export interface WarehouseMetaTable {
	key: string;
	value: string;
}

// ---- Ingest (owned by the staging engineer: warehouse/schema/ingest.sql) ----

export interface SourceFileTable {
	file_id: number;
	sha256: string;
	file_name: string;
	dataset: 'initiatives' | 'units';
	/** "toan-quoc" or a level-1 unit code; null for unit files. */
	scope: string | null;
	exported_at: Timestamp;
	format: 'csv' | 'xlsx' | 'json';
	gzip: boolean;
	size_bytes: number;
	run_id: string | null;
	status: 'loaded' | 'rejected';
	reject_reason: string | null;
	rows_read: number;
	rows_loaded: number;
	rows_quarantined: number;
	rows_superseded: number;
}

export interface QuarantineTable {
	file_id: number;
	row_number: number | null;
	field: string | null;
	raw_value: string | null;
	reason_code: string;
	message: string;
	initiative_id: string | null;
	level1_code: string | null;
	raw_record: JsonText | null;
}

export interface SupersededRowTable {
	file_id: number;
	row_number: number;
	initiative_id: string;
	kept_row_number: number;
}

export interface StagedInitiativeTable {
	file_id: number;
	row_number: number;
	initiative_id: string;
	title: string | null;
	field: string | null;
	author: string | null;
	coauthors: string | null;
	phone: string | null;
	position: string | null;
	is_leader: boolean;
	grassroots_code: string;
	submitted_at: Timestamp;
	recognized_on: DateOnly | null;
	status: 'under_review' | 'valid' | 'invalid';
	reviewed_at: Timestamp | null;
	benefit: number | null;
}

export interface FilePresenceTable {
	file_id: number;
	initiative_id: string;
}

export interface StagedUnitTable {
	file_id: number;
	row_number: number;
	unit_code: string;
	name: string | null;
	level: number;
	parent_code: string | null;
	type: string | null;
	province_code: string | null;
	sector: string | null;
	members: number | null;
	target_assigned: number | null;
	target_registered: number | null;
	target_phase1: number | null;
}

// ---- Core (owned by the merge engineer: warehouse/schema/core.sql; every column there is nullable but the keys) ----

/** The unit columns a don-vi row carries (core.sql keeps them nullable). */
export interface UnitColumns {
	name: string | null;
	level: number | null;
	parent_code: string | null;
	province_code: string | null;
	sector: string | null;
	members: number | null;
	target_assigned: number | null;
	target_registered: number | null;
	target_phase1: number | null;
}

export interface UnitVersionTable extends UnitColumns {
	unit_code: string;
	valid_from: Timestamp;
	valid_to: Timestamp | null;
	type: string | null;
}

export interface UnitTable extends UnitColumns {
	unit_code: string;
	level1_code: string | null;
	upper_code: string | null;
	kind: string | null;
}

/** The state columns an initiative carries (personal data: author, coauthors, phone, position). */
export interface InitiativeState {
	title: string | null;
	field: string | null;
	author: string | null;
	coauthors: string | null;
	phone: string | null;
	position: string | null;
	is_leader: boolean | null;
	grassroots_code: string | null;
	submitted_at: Timestamp | null;
	recognized_on: DateOnly | null;
	status: 'under_review' | 'valid' | 'invalid' | null;
	reviewed_at: Timestamp | null;
	benefit: number | null;
	status_at: Timestamp | null;
}

/** A version keeps the state only; texts, field and leader flag are the initiative's (latest) or the staged rows' (every version). */
export interface InitiativeVersionTable extends Omit<InitiativeState, 'title' | 'field' | 'author' | 'coauthors' | 'phone' | 'position' | 'is_leader'> {
	initiative_id: string;
	valid_from: Timestamp;
	valid_to: Timestamp | null;
}

export interface InitiativeWithdrawalTable {
	initiative_id: string;
	withdrawn_at: Timestamp;
	reinstated_at: Timestamp | null;
}

export interface InitiativeTable extends InitiativeState {
	initiative_id: string;
	upper_code: string | null;
	level1_code: string | null;
	sector: string | null;
	author_key: string | null;
	first_seen_at: Timestamp | null;
	withdrawn_at: Timestamp | null;
}

// ---- Marts (owned by the merge engineer: warehouse/schema/marts.sql) ----

export interface InitiativePeriodTable {
	initiative_id: string;
	grassroots_code: string | null;
	upper_code: string | null;
	level1_code: string | null;
	status: 'under_review' | 'valid' | 'invalid';
	benefit: number | null;
	field: string | null;
	sector: string | null;
	is_leader: boolean | null;
	submitted_at: Timestamp;
	from_at: Timestamp;
	to_at: Timestamp | null;
	/** The grassroots union's number in tree order; null in versions built before it existed. */
	grassroots_no: number | null;
	/** The number of the author key (distinct keys in key order; null without a key). */
	author_key_no: number | null;
}

/** Figures as of the end of each day for the nation ('VN', level 0), level-1 units (1) and upper-level unions (2). */
export interface DailySeriesTable {
	unit_code: string;
	unit_level: number;
	day: DateOnly;
	on_portal: number;
	under_review: number;
	valid: number;
	invalid: number;
	valid_benefit: number;
}

/** Figures as of the latest export time for every unit of the current tree plus the nation. */
export interface UnitTotalsTable {
	unit_code: string;
	unit_level: number;
	name: string | null;
	parent_code: string | null;
	level1_code: string | null;
	upper_code: string | null;
	as_of: Timestamp | null;
	on_portal: number;
	under_review: number;
	valid: number;
	invalid: number;
	valid_benefit: number;
	participating_grassroots: number;
	authors: number;
	members: number | null;
	target_assigned: number | null;
	target_registered: number | null;
	target_phase1: number | null;
	attainment: number | null;
	attainment_registered: number | null;
	attainment_phase1: number | null;
}

/** Latest-export detail of every unit and the nation: benefit quantiles, phase-1 split, withdrawn (read by totals and benefitDistribution). */
export interface UnitTotalsDetailTable {
	unit_code: string;
	unit_level: number;
	as_of: Timestamp | null;
	stating: number;
	/** quantile_disc at 0.1, 0.25, 0.5, 0.75, 0.9, 0.99 of the valid benefits; null when none states one. */
	benefit_quantiles: (number | null)[] | null;
	median_benefit: number | null;
	max_benefit: number | null;
	p1_on_portal: number;
	p1_valid: number;
	p1_benefit: number | null;
	withdrawn: number;
}

/** Latest-export breakdowns (field, sector, leadership, enterprise) of the nation, level-1 units and upper-level unions. */
export interface UnitBreakdownTable {
	unit_code: string;
	unit_level: number;
	as_of: Timestamp | null;
	dimension: string;
	key: string | null;
	on_portal: number;
	valid: number;
	benefit: number | null;
}

/** Latest-export figures of each author in the nation, their level-1 unit and upper-level union (sorted by unit_code, valid DESC). */
export interface UnitAuthorTable {
	unit_code: string;
	unit_level: number;
	as_of: Timestamp | null;
	/** The author key's number (initiative_period.author_key_no; the key text in versions before session 9). */
	author_key: number;
	valid: number;
	on_portal: number;
	benefit: number | null;
	last_initiative: string;
}

/** Latest-export authors of unit_author ranked within their unit's first 100 (ties kept), named from their last initiative. */
export interface UnitAuthorFrontTable extends Omit<UnitAuthorTable, 'last_initiative'> {
	name: string | null;
	grassroots_code: string | null;
	level1_code: string | null;
}

/** Latest-export top 100 valid initiatives by benefit of the nation, level-1 units and upper-level unions. */
export interface UnitTopInitiativeTable {
	unit_code: string;
	unit_level: number;
	as_of: Timestamp | null;
	rank: number;
	initiative_id: string;
	title: string | null;
	field: string | null;
	grassroots_code: string | null;
	level1_code: string | null;
	benefit: number;
}

/** A unit's initiative_period rows as one range of grassroots_no (1..0 when it has none); units without a row are scoped by their codes. */
export interface UnitSpanTable {
	unit_code: string;
	no_from: number;
	no_to: number;
}

/** Search index (warehouse/sql/marts/search-index.sql): the distinct titles (is_title) and authors, numbered in text order. */
export interface SearchTextTable {
	text_no: number;
	is_title: boolean;
	text: string;
}

/** Search index: initiative_period rows with the numbers of the initiative's title and author and of its id in id order, sorted by grassroots_no. */
export interface SearchPeriodTable {
	grassroots_no: number | null;
	title_no: number | null;
	author_no: number | null;
	id_no: number | null;
	status: string;
	benefit: number | null;
	submitted_at: Timestamp;
	from_at: Timestamp;
	/** 'infinity' while open. */
	to_at: Timestamp;
	initiative_id: string;
	field: string | null;
	grassroots_code: string | null;
	/** The initiative's author key, numbered (distinct keys in key order); null without a key. */
	author_key_no: number | null;
	/** initiative_period's sector and leadership flag (versions built before them lack the columns). */
	sector: string | null;
	is_leader: boolean | null;
}

/** Search index: one row once built (its layout and whether any initiative id holds a space). */
export interface SearchMetaTable {
	layout: number;
	as_of: Timestamp | null;
	has_space: boolean;
}

/** Search index: the nation's periods on the portal at search_meta.as_of by title or author text. */
export interface SearchTextCountTable {
	text_no: number;
	on_portal: number;
	/** The newest submission among those periods. */
	newest_submitted_at: Timestamp;
}

/** Closed-month figures that changed since the previous published version (written by the audit stage). */
export interface FigureRevisionTable {
	level1_code: string;
	month: DateOnly;
	metric: string;
	previous_value: number | null;
	new_value: number | null;
	previous_month_end: number | null;
	new_month_end: number | null;
	explained: boolean;
	file_ids: number[] | null;
}

/** Every table of a warehouse version (schema main). */
export interface WarehouseSchema {
	ref_region: RefRegionTable;
	ref_province: RefProvinceTable;
	ref_map2025: RefMap2025Table;
	ref_cluster: RefClusterTable;
	ref_level1: RefLevel1Table;
	run_log: RunLogTable;
	warehouse_meta: WarehouseMetaTable;
	source_file: SourceFileTable;
	quarantine: QuarantineTable;
	superseded_row: SupersededRowTable;
	staged_initiative: StagedInitiativeTable;
	file_presence: FilePresenceTable;
	staged_unit: StagedUnitTable;
	unit_version: UnitVersionTable;
	unit: UnitTable;
	initiative_version: InitiativeVersionTable;
	initiative_withdrawal: InitiativeWithdrawalTable;
	initiative: InitiativeTable;
	initiative_period: InitiativePeriodTable;
	daily_series: DailySeriesTable;
	unit_totals: UnitTotalsTable;
	unit_totals_detail: UnitTotalsDetailTable;
	unit_breakdown: UnitBreakdownTable;
	unit_author: UnitAuthorTable;
	unit_author_front: UnitAuthorFrontTable;
	unit_top_initiative: UnitTopInitiativeTable;
	unit_span: UnitSpanTable;
	search_text: SearchTextTable;
	search_period: SearchPeriodTable;
	search_text_count: SearchTextCountTable;
	search_meta: SearchMetaTable;
	figure_revision: FigureRevisionTable;
}
