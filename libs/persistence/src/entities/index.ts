import { CandidateEntity } from './candidate.entity';
import { EmployerEntity } from './employer.entity';
import { IngestionRunEntity } from './ingestion-run.entity';
import { ListingLocationEntity } from './listing-location.entity';
import { ListingEntity } from './listing.entity';
import { SourcePostingEntity } from './source-posting.entity';
import { SourceEntity } from './source.entity';

export * from './candidate.entity';
export * from './employer.entity';
export * from './ingestion-run.entity';
export * from './listing-location.entity';
export * from './listing.entity';
export * from './source-posting.entity';
export * from './source.entity';

/** Listed explicitly: no glob-loaded entities. */
export const ENTITIES = [
  EmployerEntity,
  SourceEntity,
  ListingEntity,
  ListingLocationEntity,
  SourcePostingEntity,
  IngestionRunEntity,
  CandidateEntity,
];
