/** Injection tokens for plain (non-class) providers. */
export const APP_CONFIG = 'APP_CONFIG';
export const INGESTION_QUEUE_TOKEN = 'INGESTION_QUEUE';
export const REDIS_CLIENT = 'REDIS_CLIENT';
export const METRICS = 'METRICS';
