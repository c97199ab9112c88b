import type { EntityManager } from 'typeorm';
import { IsNull } from 'typeorm';
import { OrganizationApiKeyEntity } from '../entities/organization-api-key.entity';
import { updateReturning } from './update-returning';

/** Organizations' API keys (hashes only). */
export class ApiKeysRepository {
  constructor(private readonly db: EntityManager) {}

  create(
    fields: Pick<OrganizationApiKeyEntity, 'organizationId' | 'name' | 'label' | 'keyHash' | 'createdBy'>,
  ): Promise<OrganizationApiKeyEntity> {
    const repo = this.db.getRepository(OrganizationApiKeyEntity);
    return repo.save(repo.create({ ...fields, lastUsedAt: null, revokedAt: null }));
  }

  /** An unrevoked key by its hash; stamps when it was last used (at most once a minute). */
  async active(keyHash: string, now: Date): Promise<OrganizationApiKeyEntity | null> {
    const key = await this.db
      .getRepository(OrganizationApiKeyEntity)
      .findOneBy({ keyHash, revokedAt: IsNull() });
    if (key && (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > 60_000)) {
      await this.db.query('UPDATE organization_api_keys SET last_used_at = $2 WHERE id = $1', [key.id, now]);
    }
    return key;
  }

  list(organizationId: string): Promise<OrganizationApiKeyEntity[]> {
    return this.db
      .getRepository(OrganizationApiKeyEntity)
      .find({ where: { organizationId }, order: { createdAt: 'DESC' }, take: 100 });
  }

  async count(organizationId: string): Promise<number> {
    return this.db.getRepository(OrganizationApiKeyEntity).countBy({ organizationId, revokedAt: IsNull() });
  }

  async revoke(organizationId: string, id: string, at: Date): Promise<boolean> {
    const rows = await updateReturning<{ id: string }>(
      this.db,
      `UPDATE organization_api_keys SET revoked_at = $3
        WHERE id = $2 AND organization_id = $1 AND revoked_at IS NULL RETURNING id`,
      [organizationId, id, at],
    );
    return rows.length > 0;
  }
}
