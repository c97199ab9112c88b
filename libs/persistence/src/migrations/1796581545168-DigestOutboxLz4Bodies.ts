import { MigrationInterface, QueryRunner } from 'typeorm';

// A daily run writes tens of thousands of digests of tens of kilobytes each: their bodies are
// compressed with lz4 instead of pglz, several times cheaper for the server's CPU at a similar size.
// Rows written before keep their compression until rewritten. A server built without lz4 (some
// embedded builds) keeps pglz: the choice only changes cost, never what is stored.
export class DigestOutboxLz4Bodies1796581545168 implements MigrationInterface {
  name = 'DigestOutboxLz4Bodies1796581545168';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const rows: Array<{ lz4: boolean }> = await queryRunner.query(
      `SELECT coalesce('lz4' = ANY(enumvals), false) AS lz4 FROM pg_settings WHERE name = 'default_toast_compression'`,
    );
    // No such setting (a server older than 14): no lz4 either.
    if (!rows[0]?.lz4) return;
    await queryRunner.query(
      `ALTER TABLE "digest_outbox" ALTER COLUMN "text_body" SET COMPRESSION lz4, ALTER COLUMN "html_body" SET COMPRESSION lz4`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "digest_outbox" ALTER COLUMN "text_body" SET COMPRESSION default, ALTER COLUMN "html_body" SET COMPRESSION default`,
    );
  }
}
