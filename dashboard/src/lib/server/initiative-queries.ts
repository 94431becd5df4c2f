// Re-exports the initiative and operations queries that moved to queries/ (initiatives.ts, unit-path.ts, operations.ts), for imports not yet pointed there.
export { INITIATIVE_SORTS, initiativeDetail, initiativeList, type InitiativeDetail, type InitiativeList, type InitiativeListRow, type InitiativeSort } from '../../../../queries/initiatives.ts';
export { pipelineRuns, rejectedRows, type RejectedRow, type RunRow } from '../../../../queries/operations.ts';
export { unitPath, type UnitPathItem } from '../../../../queries/unit-path.ts';
