import type { RunStatus, RunTrigger } from '#persistence';
import type { RunErrorCode } from './run-errors';

/** What a run did; stored on the run row and printed by the CLI. */
export interface RunSummary {
  runId: string;
  sourceId: string;
  trigger: RunTrigger;
  status: RunStatus;
  complete: boolean;
  fetched: number;
  new: number;
  updated: number;
  unchanged: number;
  closed: number;
  reopened: number;
  skipped: number;
  skippedReasons: Record<string, number>;
  durationMs: number;
  errorCode: RunErrorCode | null;
  errorMessage: string | null;
}

export interface IngestionLogger {
  log(message: string, context?: unknown): void;
  warn(message: string, context?: unknown): void;
  error(message: string, context?: unknown): void;
}

/** Hooks for metrics, so the core does not depend on a metrics library. */
export interface IngestionObserver {
  onRunFinished?(summary: RunSummary): void;
  onProgress?(sourceId: string, processed: number, total: number): void;
}

export interface IngestionSettings {
  /** Absent from this many consecutive complete snapshots closes a source posting. */
  closeAfterMisses: number;
  /**
   * Share (0-1] of a source's open postings a complete snapshot may lose at once before it is held as
   * suspect; default 0.5.
   */
  shrinkGuard?: number;
  backoffBaseMinutes: number;
  backoffMaxMinutes: number;
  /** Rows written per transaction. */
  batchSize?: number;
}

/** Why ingestion refused a request: a source or a file of sources that cannot be used. */
export const INGESTION_ERROR_CODES = [
  'SOURCE_NOT_FOUND',
  'INVALID_SOURCE',
  'FILE_NOT_READABLE',
  'FILE_NOT_PARSEABLE',
] as const;
export type IngestionErrorCode = (typeof INGESTION_ERROR_CODES)[number];

export class IngestionError extends Error {
  constructor(
    readonly code: IngestionErrorCode,
    message: string,
    /** Permanent errors (bad config, 404 board) will not improve by retrying the job. */
    readonly permanent = false,
  ) {
    super(message);
    this.name = 'IngestionError';
  }
}
