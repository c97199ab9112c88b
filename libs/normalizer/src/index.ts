export * from './raw-posting';
export * from './normalized-listing';
