export * from './entities';
export * from './data-source-options';
export * from './migrations';
export * from './prepared-queryable';
export * from './persistence.module';
export * from './sql-params';
export * from './repositories';
