export * from './entities';
export * from './data-source-options';
export * from './migrations';
