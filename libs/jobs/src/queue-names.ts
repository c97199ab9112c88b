import type { RunTrigger } from '#persistence';

export const INGESTION_QUEUE = 'ingestion';

export const JOB_INGEST_SOURCE = 'ingest-source';
export const JOB_CLOSE_EXPIRED = 'close-expired';

export interface IngestSourcePayload {
  sourceId: string;
  trigger: RunTrigger;
}

/** One scheduler per source, keyed by id, so re-registering is idempotent. */
export const sourceSchedulerId = (sourceId: string) => `source:${sourceId}`;
export const MAINTENANCE_SCHEDULER_ID = 'maintenance:close-expired';
