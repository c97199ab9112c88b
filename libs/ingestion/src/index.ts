export * from './fingerprint';
export * from './ingestion-types';
export * from './ingestion.service';
export * from './listing-row';
export * from './posting-guards';
export * from './snapshot-writer';
export * from './source-catalog';
export * from './source-health';
