export * from './cursor';
export * from './listing-view';
