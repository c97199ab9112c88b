export * from './queue-names';
export * from './queue-options';
export * from './queue.module';
export * from './redis-connection';
export * from './source-schedulers';
export * from './backend-check';
export * from './queue-deadline';
