export * from './report-fields';
export * from './inbound-report';
