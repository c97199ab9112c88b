import { Inject, Injectable } from '@nestjs/common';
import {
  ApiKeysRepository,
  ModerationRepository,
  OrganizationsRepository,
  RecruitersRepository,
  type OrganizationEntity,
} from '#persistence';
import { hashToken, looksLikeToken } from '#recruiting';
import { ApiError } from '../http/api-error';
import { actorOf, type OrgAccess, type Principal } from './recruiter-principal';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Turns a bearer secret into a principal, and a principal plus an organization into access. Both run
 * on every request: a removed member or a revoked key is refused from the next request on.
 */
@Injectable()
export class RecruiterAuth {
  constructor(
    @Inject(RecruitersRepository) private readonly recruiters: RecruitersRepository,
    @Inject(ApiKeysRepository) private readonly keys: ApiKeysRepository,
    @Inject(OrganizationsRepository) private readonly organizations: OrganizationsRepository,
    @Inject(ModerationRepository) private readonly moderation: ModerationRepository,
  ) {}

  /** An organization whose domain an operator banned is closed to everyone, its own members included. */
  private async open(organization: OrganizationEntity): Promise<OrganizationEntity> {
    if (organization.domain && (await this.moderation.isBanned(organization.domain)))
      throw new ApiError('DOMAIN_BANNED', 'this organization’s domain is banned');
    return organization;
  }

  /** `Authorization: Bearer <session token or API key>`. */
  async fromAuthorization(header: string | undefined): Promise<Principal> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
    if (!match)
      throw new ApiError('UNAUTHORIZED', 'missing Authorization: Bearer <session token or API key>');
    return this.fromToken(match[1]);
  }

  async fromToken(token: string): Promise<Principal> {
    const now = new Date();
    if (looksLikeToken('apikey', token)) {
      const key = await this.keys.active(hashToken(token), now);
      if (key) return { kind: 'apikey', keyId: key.id, organizationId: key.organizationId };
    } else if (looksLikeToken('session', token)) {
      const recruiter = await this.recruiters.sessionRecruiter(hashToken(token), now);
      if (recruiter) return { kind: 'recruiter', recruiterId: recruiter.id, email: recruiter.email };
    }
    throw new ApiError('UNAUTHORIZED', 'the session or API key is not valid (expired, ended or revoked)');
  }

  /** A recruiter session only (API keys cannot sign in, create organizations or accept invitations). */
  async recruiter(header: string | undefined): Promise<Extract<Principal, { kind: 'recruiter' }>> {
    const p = await this.fromAuthorization(header);
    if (p.kind !== 'recruiter')
      throw new ApiError('FORBIDDEN', 'this needs a signed-in recruiter, not an API key');
    return p;
  }

  /**
   * The principal's access to an organization; FORBIDDEN when it has none, the same answer whether or
   * not the organization exists. `owner` refuses recruiters and API keys.
   */
  async access(
    principal: Principal,
    organizationId: string,
    need: 'member' | 'owner' = 'member',
  ): Promise<OrgAccess> {
    const refuse = () => new ApiError('FORBIDDEN', 'no access to this organization');
    if (!UUID.test(organizationId)) throw refuse();
    if (principal.kind === 'apikey') {
      if (principal.organizationId !== organizationId || need === 'owner') throw refuse();
      const organization = await this.organizations.find(organizationId);
      if (!organization) throw refuse();
      return {
        organization: await this.open(organization),
        principal,
        role: 'recruiter',
        actor: actorOf(principal),
      };
    }
    const membership = await this.organizations.membership(organizationId, principal.recruiterId);
    if (!membership || (need === 'owner' && membership.role !== 'owner')) throw refuse();
    return {
      organization: membership.organization,
      principal,
      role: membership.role,
      actor: actorOf(principal),
    };
  }
}
