/**
 * The stage part of an import report lives in the model (shared/model/stageReport.ts): it
 * crosses IPC with the report. Re-exported here for the stage readers.
 */
export * from '../../model/stageReport';
