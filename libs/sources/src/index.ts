export * from './source-adapter';
export * from './adapter-registry';
export * from './parse-error';
export * from './raw-posting';
