export * from './posting-fixtures';
