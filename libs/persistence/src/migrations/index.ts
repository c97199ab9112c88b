import { Initial1795389109677 } from './1795389109677-Initial';

/** Committed migrations, in order. Generated with `npm run migration:generate -- <Name>`, then read. */
export const MIGRATIONS = [Initial1795389109677];
