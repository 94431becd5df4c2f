// The stage functions the orchestrator calls, as one injectable set (the real set is default-stages.ts).
import type { Database } from '../../warehouse/duckdb/database.ts';
import type { PipelineConfig } from '../config/pipeline-config.ts';
import type { FetchedFile } from '../fetch/fetched-file.ts';
import type { FetchResult } from '../fetch/fetch-result.ts';
import type { LandedFile } from '../land/land-files.ts';
import type { StagedFile } from '../stage/staged-file.ts';
import type { AuditCheckRecord } from './run-log.ts';

export interface FetchContext {
	runId: string;
	/** Plain progress lines (no personal data, no tokens). */
	log: (line: string) => void;
}

export interface AuditResult {
	passed: boolean;
	checks: AuditCheckRecord[];
}

export interface PipelineStages {
	/** Files ready to land; failures are reported, and only fully verified files are listed. */
	fetchSources(config: PipelineConfig, ctx: FetchContext): Promise<FetchResult>;
	landFiles(warehouseDir: string, files: readonly FetchedFile[]): Promise<LandedFile[]>;
	listLandedFiles(warehouseDir: string): Promise<LandedFile[]>;
	stageFile(db: Database, landed: LandedFile, fileId: number, options: { runId: string }): Promise<StagedFile>;
	validateUnitFile(db: Database, staged: StagedFile): Promise<unknown>;
	validateInitiativeFile(db: Database, staged: StagedFile): Promise<unknown>;
	mergeUnits(db: Database): Promise<unknown>;
	mergeInitiatives(db: Database): Promise<unknown>;
	buildMarts(db: Database): Promise<unknown>;
	auditVersion(db: Database, context: { previous: Database | null; newFileIds: number[] }): Promise<AuditResult>;
}
