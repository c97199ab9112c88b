export * from './source-adapter';
export * from './adapter-registry';
