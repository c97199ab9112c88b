import { MigrationInterface, QueryRunner } from 'typeorm';

// The tick pages through due subscriptions by (next_due_at, id): with id in the index each page is an
// index range instead of sorting every due row again (100,000 due at the same hour sorted 100 times).

export class DigestDueIndexById1796581400000 implements MigrationInterface {
  name = 'DigestDueIndexById1796581400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."ix_digest_subscriptions_due"
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_digest_subscriptions_due" ON "digest_subscriptions" ("next_due_at", "id")
            WHERE "status" = 'confirmed'
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."ix_digest_subscriptions_due"
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_digest_subscriptions_due" ON "digest_subscriptions" USING btree ("next_due_at")
            WHERE ((status)::text = 'confirmed'::text)
        `);
  }
}
