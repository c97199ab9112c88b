import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  inTransaction,
  repositoriesOf,
  ModerationRepository,
  OrganizationsRepository,
  RecruitersRepository,
  type OrganizationEntity,
  type Repositories,
} from '#persistence';
import {
  allowedAfter,
  emailDomain,
  emailVerifiesWebsite,
  hashToken,
  INVITATION_DAYS,
  SESSION_DAYS,
  SIGN_IN_LINK_MINUTES,
  keyLabel,
  looksLikeToken,
  newToken,
  RATE_RULES,
  websiteDomain,
  windowStart,
} from '#recruiting';
import { ApiError } from '../http/api-error';
import { audit } from './audit-trail';
import { RecruiterJobs } from './recruiter-jobs';
import type { OrgAccess, Principal } from './recruiter-principal';
import type { InvitationInput, OrganizationInput, OrganizationPatch } from './recruiters.schemas';

const MINUTE = 60_000;

export interface OrganizationView {
  id: string;
  name: string;
  kind: 'employer' | 'agency';
  website: string | null;
  verified: boolean;
  verifiedBy: 'domain' | 'operator' | null;
  createdAt: string;
  /** The caller's role in it. */
  role?: 'owner' | 'recruiter';
}

export function organizationView(o: OrganizationEntity, role?: 'owner' | 'recruiter'): OrganizationView {
  return {
    id: o.id,
    name: o.name,
    kind: o.kind,
    website: o.website,
    verified: o.verifiedAt !== null,
    verifiedBy: o.verifiedBy,
    createdAt: o.createdAt.toISOString(),
    ...(role ? { role } : {}),
  };
}

const orgAuditFields = (o: Pick<OrganizationEntity, 'name' | 'kind' | 'website' | 'verifiedBy'>) => ({
  name: o.name,
  kind: o.kind,
  website: o.website,
  verifiedBy: o.verifiedBy,
});

/**
 * Recruiters' accounts: one-time sign-in links (no passwords), sessions, organizations, members,
 * invitations and API keys. Every change writes an audit row in the same transaction.
 */
@Injectable()
export class RecruiterAccountsService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(RecruitersRepository) private readonly recruiters: RecruitersRepository,
    @Inject(OrganizationsRepository) private readonly organizations: OrganizationsRepository,
    @Inject(ModerationRepository) private readonly moderation: ModerationRepository,
    @Inject(RecruiterJobs) private readonly jobs: RecruiterJobs,
  ) {}

  /**
   * Asks for a sign-in link to be mailed. The answer is the same whether or not the address is known;
   * too many asks for one address or from one client are refused (RATE_LIMITED).
   */
  async requestSignIn(
    email: string,
    client: string,
    now = new Date(),
  ): Promise<{ expiresInMinutes: number }> {
    const domain = emailDomain(email);
    if (domain && (await this.moderation.isBanned(domain)))
      throw new ApiError('DOMAIN_BANNED', 'addresses at this domain cannot sign in');
    const used = await this.recruiters.linksSince(email, client, windowStart(RATE_RULES.signInPerEmail, now));
    if (
      !allowedAfter(RATE_RULES.signInPerEmail, used.email) ||
      !allowedAfter(RATE_RULES.signInPerClient, used.client)
    )
      throw new ApiError('RATE_LIMITED', 'too many sign-in links asked for: try again in an hour');
    const linkId = await this.recruiters.createLink({
      email,
      clientHash: client,
      expiresAt: new Date(now.getTime() + SIGN_IN_LINK_MINUTES * MINUTE),
    });
    await this.jobs.mail({ kind: 'sign-in', linkId });
    return { expiresInMinutes: SIGN_IN_LINK_MINUTES };
  }

  /**
   * Exchanges a sign-in link's token for a session (the link works once). Signing in with an address
   * at an organization's own domain verifies it.
   */
  async signIn(
    token: string,
    now = new Date(),
  ): Promise<{ sessionToken: string; expiresAt: string; email: string }> {
    const email = looksLikeToken('signin', token)
      ? await this.recruiters.useLink(hashToken(token), now)
      : null;
    if (!email) throw new ApiError('UNAUTHORIZED', 'this sign-in link is not valid: it expired or was used');
    const sessionToken = newToken('session');
    const expiresAt = new Date(now.getTime() + SESSION_DAYS * 24 * 60 * MINUTE);
    await inTransaction(this.ds, async (repos) => {
      const recruiter = await repos.recruiters.findOrCreate(email);
      await repos.recruiters.createSession(recruiter.id, hashToken(sessionToken), expiresAt);
      await repos.recruiters.signedIn(recruiter.id, now);
      for (const m of await repos.organizations.memberships(recruiter.id))
        await this.verifyByDomain(repos, m.organization, email, `recruiter:${recruiter.id}`, now);
    });
    return { sessionToken, expiresAt: expiresAt.toISOString(), email };
  }

  async signOut(token: string): Promise<void> {
    if (looksLikeToken('session', token)) await this.recruiters.endSession(hashToken(token), new Date());
  }

  async me(p: Extract<Principal, { kind: 'recruiter' }>) {
    const memberships = await this.organizations.memberships(p.recruiterId);
    return {
      id: p.recruiterId,
      email: p.email,
      organizations: memberships.map((m) => organizationView(m.organization, m.role)),
    };
  }

  async createOrganization(
    p: Extract<Principal, { kind: 'recruiter' }>,
    input: OrganizationInput,
    now = new Date(),
  ): Promise<OrganizationView> {
    const domain = input.website ? websiteDomain(input.website) : null;
    if (input.website && !domain)
      throw new ApiError('VALIDATION_FAILED', 'website: must name a host', [
        { field: 'body.website', message: 'must name a host such as https://mercy.example' },
      ]);
    if (domain && (await this.moderation.isBanned(domain)))
      throw new ApiError('DOMAIN_BANNED', 'organizations at this domain cannot post');
    return inTransaction(this.ds, async (repos) => {
      const org = await repos.organizations.create({
        name: input.name,
        kind: input.kind,
        website: input.website,
        domain,
      });
      const member = await repos.organizations.addMember(org.id, p.recruiterId, 'owner');
      const actor = `recruiter:${p.recruiterId}`;
      await audit(repos, {
        organizationId: org.id,
        actor,
        action: 'organization.created',
        subjectType: 'organization',
        subjectId: org.id,
        after: orgAuditFields(org),
      });
      await audit(repos, {
        organizationId: org.id,
        actor,
        action: 'member.added',
        subjectType: 'member',
        subjectId: member.id,
        after: { recruiterId: p.recruiterId, role: 'owner' },
      });
      await this.verifyByDomain(repos, org, p.email, actor, now);
      return organizationView((await repos.organizations.find(org.id))!, 'owner');
    });
  }

  organization(access: OrgAccess): OrganizationView {
    return organizationView(access.organization, access.role);
  }

  async updateOrganization(access: OrgAccess, patch: OrganizationPatch): Promise<OrganizationView> {
    const before = access.organization;
    const website = patch.website === undefined ? before.website : patch.website;
    const domain = website ? websiteDomain(website) : null;
    if (domain && domain !== before.domain && (await this.moderation.isBanned(domain)))
      throw new ApiError('DOMAIN_BANNED', 'organizations at this domain cannot post');
    return inTransaction(this.ds, async (repos) => {
      await repos.organizations.update(before.id, {
        ...(patch.name === undefined ? {} : { name: patch.name }),
        ...(patch.kind === undefined ? {} : { kind: patch.kind }),
        website,
        domain,
      });
      // A new website must be proven again: domain verification rested on the old one.
      if (domain !== before.domain && before.verifiedBy === 'domain')
        await repos.organizations.unverify(before.id);
      const after = (await repos.organizations.find(before.id))!;
      await audit(repos, {
        organizationId: before.id,
        actor: access.actor,
        action: 'organization.changed',
        subjectType: 'organization',
        subjectId: before.id,
        before: orgAuditFields(before),
        after: orgAuditFields(after),
      });
      return organizationView(after, access.role);
    });
  }

  async members(access: OrgAccess) {
    const rows = await this.organizations.members(access.organization.id);
    return rows.map((m) => ({ id: m.id, email: m.email, role: m.role, since: m.createdAt.toISOString() }));
  }

  /** Removes a member; their sessions stop opening this organization from the next request on. */
  async removeMember(access: OrgAccess, memberId: string, now = new Date()): Promise<void> {
    await inTransaction(this.ds, async (repos) => {
      const member = await repos.organizations.findMember(access.organization.id, memberId);
      if (!member) throw new ApiError('NOT_FOUND', 'no such member in this organization');
      if (member.role === 'owner' && (await repos.organizations.ownerCount(access.organization.id)) <= 1)
        throw new ApiError('INVALID_STATE', 'an organization keeps at least one owner');
      await repos.organizations.removeMember(access.organization.id, memberId, now);
      await audit(repos, {
        organizationId: access.organization.id,
        actor: access.actor,
        action: 'member.removed',
        subjectType: 'member',
        subjectId: memberId,
        before: { recruiterId: member.recruiterId, role: member.role },
      });
    });
  }

  async invite(access: OrgAccess, input: InvitationInput, now = new Date()) {
    const orgId = access.organization.id;
    const sent = await this.organizations.invitationsSince(orgId, windowStart(RATE_RULES.invitesPerOrg, now));
    if (!allowedAfter(RATE_RULES.invitesPerOrg, sent))
      throw new ApiError('RATE_LIMITED', 'too many invitations today: try again tomorrow');
    const invitation = await inTransaction(this.ds, async (repos) => {
      const inv = await repos.organizations.createInvitation({
        organizationId: orgId,
        email: input.email,
        role: input.role,
        invitedBy: access.principal.kind === 'recruiter' ? access.principal.recruiterId : orgId,
        expiresAt: new Date(now.getTime() + INVITATION_DAYS * 24 * 60 * MINUTE),
      });
      await audit(repos, {
        organizationId: orgId,
        actor: access.actor,
        action: 'invitation.sent',
        subjectType: 'invitation',
        subjectId: inv.id,
        after: { email: input.email, role: input.role },
      });
      return inv;
    });
    await this.jobs.mail({ kind: 'invitation', invitationId: invitation.id });
    return {
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      expiresAt: invitation.expiresAt.toISOString(),
    };
  }

  async invitations(access: OrgAccess) {
    const rows = await this.organizations.pendingInvitations(access.organization.id, new Date());
    return rows.map((i) => ({
      id: i.id,
      email: i.email,
      role: i.role,
      expiresAt: i.expiresAt.toISOString(),
    }));
  }

  async revokeInvitation(access: OrgAccess, id: string, now = new Date()): Promise<void> {
    await inTransaction(this.ds, async (repos) => {
      if (!(await repos.organizations.revokeInvitation(access.organization.id, id, now)))
        throw new ApiError('NOT_FOUND', 'no such pending invitation in this organization');
      await audit(repos, {
        organizationId: access.organization.id,
        actor: access.actor,
        action: 'invitation.revoked',
        subjectType: 'invitation',
        subjectId: id,
        before: { revoked: false },
        after: { revoked: true },
      });
    });
  }

  /** Accepts an invitation as the signed-in recruiter (at the invited address only). */
  async accept(
    p: Extract<Principal, { kind: 'recruiter' }>,
    token: string,
    now = new Date(),
  ): Promise<OrganizationView> {
    const invalid = () =>
      new ApiError('NOT_FOUND', 'this invitation is not valid: it expired, was used or revoked');
    if (!looksLikeToken('invite', token)) throw invalid();
    return inTransaction(this.ds, async (repos) => {
      const inv = await repos.organizations.invitationByHash(hashToken(token));
      if (!inv) throw invalid();
      if (inv.email !== p.email)
        throw new ApiError('FORBIDDEN', 'this invitation was sent to another address: sign in with that one');
      if (!(await repos.organizations.acceptInvitation(inv.id, now))) throw invalid();
      const existing = await repos.organizations.membership(inv.organizationId, p.recruiterId);
      const actor = `recruiter:${p.recruiterId}`;
      if (!existing) {
        const member = await repos.organizations.addMember(inv.organizationId, p.recruiterId, inv.role);
        await audit(repos, {
          organizationId: inv.organizationId,
          actor,
          action: 'member.added',
          subjectType: 'member',
          subjectId: member.id,
          after: { recruiterId: p.recruiterId, role: inv.role, invitation: inv.id },
        });
      }
      const org = (await repos.organizations.find(inv.organizationId))!;
      await this.verifyByDomain(repos, org, p.email, actor, now);
      const membership = await repos.organizations.membership(inv.organizationId, p.recruiterId);
      return organizationView(membership!.organization, membership!.role);
    });
  }

  async createKey(access: OrgAccess, name: string) {
    const key = newToken('apikey');
    const row = await inTransaction(this.ds, async (repos) => {
      if ((await repos.apiKeys.count(access.organization.id)) >= 20)
        throw new ApiError('INVALID_STATE', 'an organization has at most 20 live keys: revoke one first');
      const saved = await repos.apiKeys.create({
        organizationId: access.organization.id,
        name,
        label: keyLabel(key),
        keyHash: hashToken(key),
        createdBy:
          access.principal.kind === 'recruiter' ? access.principal.recruiterId : access.organization.id,
      });
      await audit(repos, {
        organizationId: access.organization.id,
        actor: access.actor,
        action: 'apikey.created',
        subjectType: 'apikey',
        subjectId: saved.id,
        after: { name, label: saved.label },
      });
      return saved;
    });
    return { id: row.id, name: row.name, label: row.label, key, createdAt: row.createdAt.toISOString() };
  }

  async keys(access: OrgAccess) {
    const rows = await repositoriesOf(this.ds).apiKeys.list(access.organization.id);
    return rows.map((k) => ({
      id: k.id,
      name: k.name,
      label: k.label,
      createdAt: k.createdAt.toISOString(),
      lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
      revokedAt: k.revokedAt?.toISOString() ?? null,
    }));
  }

  async revokeKey(access: OrgAccess, id: string, now = new Date()): Promise<void> {
    await inTransaction(this.ds, async (repos) => {
      if (!(await repos.apiKeys.revoke(access.organization.id, id, now)))
        throw new ApiError('NOT_FOUND', 'no such live key in this organization');
      await audit(repos, {
        organizationId: access.organization.id,
        actor: access.actor,
        action: 'apikey.revoked',
        subjectType: 'apikey',
        subjectId: id,
        before: { revoked: false },
        after: { revoked: true },
      });
    });
  }

  async auditLog(access: OrgAccess, limit: number, before?: string) {
    const rows = await repositoriesOf(this.ds).auditLog.ofOrganization(access.organization.id, limit, before);
    return {
      entries: rows.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        actor: r.actor,
        action: r.action,
        subjectType: r.subjectType,
        subjectId: r.subjectId,
        diff: r.diff,
      })),
      next: rows.length === limit ? rows[rows.length - 1].id : null,
    };
  }

  private async verifyByDomain(
    repos: Repositories,
    org: OrganizationEntity,
    email: string,
    actor: string,
    now: Date,
  ): Promise<void> {
    if (org.verifiedAt || !emailVerifiesWebsite(email, org.website)) return;
    if (await repos.organizations.verify(org.id, 'domain', now))
      await audit(repos, {
        organizationId: org.id,
        actor,
        action: 'organization.verified',
        subjectType: 'organization',
        subjectId: org.id,
        before: { verifiedBy: null },
        after: { verifiedBy: 'domain' },
      });
  }
}
