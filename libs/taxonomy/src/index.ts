export * from './vocabulary';
export * from './credential-info';
export * from './state-names';
export * from './specialty-terms';
export * from './coding-system-terms';
export * from './health-it-systems';
export * from './pay-periods';
export * from './listing-facts';
