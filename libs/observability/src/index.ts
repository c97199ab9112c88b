export * from './metrics';
export * from './json-logger';
export * from './log-redaction';
