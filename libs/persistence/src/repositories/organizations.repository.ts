import type { EntityManager } from 'typeorm';
import { IsNull } from 'typeorm';
import { OrganizationInvitationEntity } from '../entities/organization-invitation.entity';
import { OrganizationMemberEntity, type MemberRole } from '../entities/organization-member.entity';
import { OrganizationEntity } from '../entities/organization.entity';
import { updateReturning } from './update-returning';

export type NewOrganization = Pick<OrganizationEntity, 'name' | 'kind' | 'website' | 'domain'>;

/** A recruiter's membership with its organization. */
export interface Membership {
  memberId: string;
  role: MemberRole;
  organization: OrganizationEntity;
}

export interface MemberRow {
  id: string;
  recruiterId: string;
  email: string;
  role: MemberRole;
  createdAt: Date;
}

/** Organizations, their members and invitations. */
export class OrganizationsRepository {
  constructor(private readonly db: EntityManager) {}

  create(fields: NewOrganization): Promise<OrganizationEntity> {
    const repo = this.db.getRepository(OrganizationEntity);
    return repo.save(repo.create({ ...fields, verifiedAt: null, verifiedBy: null }));
  }

  find(id: string): Promise<OrganizationEntity | null> {
    return this.db.getRepository(OrganizationEntity).findOneBy({ id });
  }

  async update(id: string, fields: Partial<NewOrganization>): Promise<void> {
    await this.db.getRepository(OrganizationEntity).update({ id }, fields);
  }

  /** Marks an organization verified unless it already is; true when this call verified it. */
  async verify(id: string, by: 'domain' | 'operator', at: Date): Promise<boolean> {
    const rows = await updateReturning<{ id: string }>(
      this.db,
      `UPDATE organizations SET verified_at = $2, verified_by = $3, updated_at = now()
        WHERE id = $1 AND verified_at IS NULL RETURNING id`,
      [id, at, by],
    );
    return rows.length > 0;
  }

  /** Organizations whose website is at the domain or under it. */
  atDomain(domain: string): Promise<OrganizationEntity[]> {
    return this.db
      .getRepository(OrganizationEntity)
      .createQueryBuilder('o')
      .where('o.domain = :domain OR o.domain LIKE :under', {
        domain,
        under: `%.${domain.replace(/[%_\\]/g, '')}`,
      })
      .take(1000)
      .getMany();
  }

  /** Takes domain verification back (the website changed): it must be proven again. */
  async unverify(id: string): Promise<void> {
    await this.db.query(
      "UPDATE organizations SET verified_at = NULL, verified_by = NULL, updated_at = now() WHERE id = $1 AND verified_by = 'domain'",
      [id],
    );
  }

  /** Unverified organizations, oldest first (the operators' queue). */
  unverified(limit: number): Promise<OrganizationEntity[]> {
    return this.db
      .getRepository(OrganizationEntity)
      .find({ where: { verifiedAt: IsNull() }, order: { createdAt: 'ASC' }, take: limit });
  }

  async addMember(
    organizationId: string,
    recruiterId: string,
    role: MemberRole,
  ): Promise<OrganizationMemberEntity> {
    const repo = this.db.getRepository(OrganizationMemberEntity);
    return repo.save(repo.create({ organizationId, recruiterId, role, removedAt: null }));
  }

  /** The recruiter's active membership of the organization, or null. */
  async membership(organizationId: string, recruiterId: string): Promise<Membership | null> {
    const all = await this.memberships(recruiterId, organizationId);
    return all[0] ?? null;
  }

  /** Every organization the recruiter is an active member of (or only `organizationId`). */
  async memberships(recruiterId: string, organizationId?: string): Promise<Membership[]> {
    const members = await this.db.getRepository(OrganizationMemberEntity).find({
      where: { recruiterId, removedAt: IsNull(), ...(organizationId ? { organizationId } : {}) },
      order: { createdAt: 'ASC' },
      take: 50,
    });
    if (members.length === 0) return [];
    const orgs = await this.db
      .getRepository(OrganizationEntity)
      .createQueryBuilder('o')
      .where('o.id IN (:...ids)', { ids: members.map((m) => m.organizationId) })
      .getMany();
    const byId = new Map(orgs.map((o) => [o.id, o]));
    return members.flatMap((m) => {
      const organization = byId.get(m.organizationId);
      return organization ? [{ memberId: m.id, role: m.role, organization }] : [];
    });
  }

  async members(organizationId: string): Promise<MemberRow[]> {
    const rows: { id: string; recruiter_id: string; email: string; role: MemberRole; created_at: Date }[] =
      await this.db.query(
        `SELECT m.id, m.recruiter_id, r.email, m.role, m.created_at
           FROM organization_members m JOIN recruiters r ON r.id = m.recruiter_id
          WHERE m.organization_id = $1 AND m.removed_at IS NULL ORDER BY m.created_at LIMIT 500`,
        [organizationId],
      );
    return rows.map((r) => ({
      id: r.id,
      recruiterId: r.recruiter_id,
      email: r.email,
      role: r.role,
      createdAt: r.created_at,
    }));
  }

  findMember(organizationId: string, memberId: string): Promise<OrganizationMemberEntity | null> {
    return this.db
      .getRepository(OrganizationMemberEntity)
      .findOneBy({ id: memberId, organizationId, removedAt: IsNull() });
  }

  async removeMember(organizationId: string, memberId: string, at: Date): Promise<boolean> {
    const rows = await updateReturning<{ id: string }>(
      this.db,
      `UPDATE organization_members SET removed_at = $3
        WHERE id = $2 AND organization_id = $1 AND removed_at IS NULL RETURNING id`,
      [organizationId, memberId, at],
    );
    return rows.length > 0;
  }

  async ownerCount(organizationId: string): Promise<number> {
    const [row] = await this.db.query(
      `SELECT count(*)::int AS n FROM organization_members
        WHERE organization_id = $1 AND role = 'owner' AND removed_at IS NULL`,
      [organizationId],
    );
    return row.n;
  }

  createInvitation(
    fields: Pick<
      OrganizationInvitationEntity,
      'organizationId' | 'email' | 'role' | 'invitedBy' | 'expiresAt'
    >,
  ): Promise<OrganizationInvitationEntity> {
    const repo = this.db.getRepository(OrganizationInvitationEntity);
    return repo.save(repo.create({ ...fields, tokenHash: null, acceptedAt: null, revokedAt: null }));
  }

  /** Stores the hash of the invitation token about to be mailed; the invitation, or null if it closed. */
  async mintInvitation(
    id: string,
    tokenHash: string,
    now: Date,
  ): Promise<OrganizationInvitationEntity | null> {
    const rows = await updateReturning<{ id: string }>(
      this.db,
      `UPDATE organization_invitations SET token_hash = $2
        WHERE id = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $3 RETURNING id`,
      [id, tokenHash, now],
    );
    return rows[0] ? this.db.getRepository(OrganizationInvitationEntity).findOneBy({ id }) : null;
  }

  async revokeInvitation(organizationId: string, id: string, at: Date): Promise<boolean> {
    const rows = await updateReturning<{ id: string }>(
      this.db,
      `UPDATE organization_invitations SET revoked_at = $3
        WHERE id = $2 AND organization_id = $1 AND accepted_at IS NULL AND revoked_at IS NULL RETURNING id`,
      [organizationId, id, at],
    );
    return rows.length > 0;
  }

  invitationByHash(tokenHash: string): Promise<OrganizationInvitationEntity | null> {
    return this.db.getRepository(OrganizationInvitationEntity).findOneBy({ tokenHash });
  }

  /** Marks an invitation accepted once; false when it was used, revoked or expired meanwhile. */
  async acceptInvitation(id: string, at: Date): Promise<boolean> {
    const rows = await updateReturning<{ id: string }>(
      this.db,
      `UPDATE organization_invitations SET accepted_at = $2
        WHERE id = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $2 RETURNING id`,
      [id, at],
    );
    return rows.length > 0;
  }

  pendingInvitations(organizationId: string, now: Date): Promise<OrganizationInvitationEntity[]> {
    return this.db
      .getRepository(OrganizationInvitationEntity)
      .createQueryBuilder('i')
      .where('i.organizationId = :organizationId', { organizationId })
      .andWhere('i.acceptedAt IS NULL AND i.revokedAt IS NULL AND i.expiresAt > :now', { now })
      .orderBy('i.createdAt', 'DESC')
      .take(200)
      .getMany();
  }

  async invitationsSince(organizationId: string, since: Date): Promise<number> {
    const [row] = await this.db.query(
      'SELECT count(*)::int AS n FROM organization_invitations WHERE organization_id = $1 AND created_at > $2',
      [organizationId, since],
    );
    return row.n;
  }
}
