export * from './posting-form';
export * from './lifecycle';
export * from './posting-listing';
export * from './posting-warnings';
export * from './pay-transparency';
export * from './free-mail';
export * from './tokens';
export * from './rate-limits';
