import type { MemberRole, OrganizationEntity } from '#persistence';

/** Who is calling: a signed-in recruiter (session) or an organization's API key. */
export type Principal =
  | { kind: 'recruiter'; recruiterId: string; email: string }
  | { kind: 'apikey'; keyId: string; organizationId: string };

/** What a principal may do in one organization, checked before any read or write of it. */
export interface OrgAccess {
  organization: OrganizationEntity;
  principal: Principal;
  /** The API key acts as a recruiter; only owners manage members, keys and the organization. */
  role: MemberRole;
  /** For the audit log: "recruiter:<id>" or "apikey:<id>". */
  actor: string;
}

export const actorOf = (p: Principal) =>
  p.kind === 'recruiter' ? `recruiter:${p.recruiterId}` : `apikey:${p.keyId}`;
