export * from './snapshot';
export * from './digest-listing';
export * from './digest-criteria';
export * from './schedule';
export * from './select-digest';
export * from './render-digest';
export * from './link-tokens';
