import { AuditEntryEntity } from './audit-entry.entity';
import { BannedDomainEntity } from './banned-domain.entity';
import { JobReportEntity } from './job-report.entity';
import { OrganizationApiKeyEntity } from './organization-api-key.entity';
import { OrganizationInvitationEntity } from './organization-invitation.entity';
import { OrganizationMemberEntity } from './organization-member.entity';
import { OrganizationEntity } from './organization.entity';
import { PostingStatEntity } from './posting-stat.entity';
import { RecruiterPostingEntity } from './recruiter-posting.entity';
import { RecruiterSessionEntity } from './recruiter-session.entity';
import { RecruiterEntity } from './recruiter.entity';
import { SignInLinkEntity } from './sign-in-link.entity';
import { CandidateEntity } from './candidate.entity';
import { DigestOutboxEntity } from './digest-outbox.entity';
import { DigestSubscriptionEntity } from './digest-subscription.entity';
import { EmployerEntity } from './employer.entity';
import { IngestionRunEntity } from './ingestion-run.entity';
import { ListingLocationEntity } from './listing-location.entity';
import { ListingOpeningEntity } from './listing-opening.entity';
import { MailSuppressionEntity } from './mail-suppression.entity';
import { ListingEntity } from './listing.entity';
import { SourcePostingEntity } from './source-posting.entity';
import { SourceEntity } from './source.entity';

export * from './candidate.entity';
export * from './digest-outbox.entity';
export * from './digest-subscription.entity';
export * from './employer.entity';
export * from './ingestion-run.entity';
export * from './listing-location.entity';
export * from './listing-opening.entity';
export * from './mail-suppression.entity';
export * from './listing.entity';
export * from './source-posting.entity';
export * from './source.entity';
export * from './audit-entry.entity';
export * from './banned-domain.entity';
export * from './job-report.entity';
export * from './organization-api-key.entity';
export * from './organization-invitation.entity';
export * from './organization-member.entity';
export * from './organization.entity';
export * from './posting-stat.entity';
export * from './recruiter-posting.entity';
export * from './recruiter-session.entity';
export * from './recruiter.entity';
export * from './sign-in-link.entity';

/** Listed explicitly: no glob-loaded entities. */
export const ENTITIES = [
  EmployerEntity,
  SourceEntity,
  ListingEntity,
  ListingLocationEntity,
  SourcePostingEntity,
  IngestionRunEntity,
  CandidateEntity,
  AuditEntryEntity,
  BannedDomainEntity,
  JobReportEntity,
  OrganizationApiKeyEntity,
  OrganizationInvitationEntity,
  OrganizationMemberEntity,
  OrganizationEntity,
  PostingStatEntity,
  RecruiterPostingEntity,
  RecruiterSessionEntity,
  RecruiterEntity,
  SignInLinkEntity,
  DigestSubscriptionEntity,
  DigestOutboxEntity,
  MailSuppressionEntity,
  ListingOpeningEntity,
];
