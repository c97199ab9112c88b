export * from './report-messages';
