// The real stage functions, wired to the orchestrator's PipelineStages shape.
import { auditVersion } from '../audit/audit-version.ts';
import { buildMarts } from '../build/build-marts.ts';
import { fetchSources } from '../fetch/fetch-sources.ts';
import { landFiles, listLandedFiles } from '../land/land-files.ts';
import { mergeInitiatives } from '../merge/merge-initiatives.ts';
import { mergeUnits } from '../merge/merge-units.ts';
import { stageFile } from '../stage/stage-file.ts';
import { validateInitiativeFile } from '../validate/validate-initiatives.ts';
import { validateUnitFile } from '../validate/validate-units.ts';
import type { PipelineStages } from './pipeline-stages.ts';

export const defaultStages: PipelineStages = {
	fetchSources: (config, ctx) =>
		fetchSources(config.sources, { warehouseDir: config.warehouse, token: config.portal.token, http: config.http, log: ctx.log }),
	landFiles,
	listLandedFiles,
	stageFile: (db, landed, fileId, options) => stageFile(db, landed, fileId, options),
	validateUnitFile: (db, staged) => validateUnitFile(db, staged),
	validateInitiativeFile: (db, staged) => validateInitiativeFile(db, staged),
	mergeUnits,
	mergeInitiatives,
	buildMarts,
	auditVersion: (db, context) => auditVersion(db, context)
};
