import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A listing's "last seen" is the latest of its source postings' and is read from them. Storing it
 * too meant rewriting every wide listing row on every run of an unchanged feed.
 */
export class DeriveListingLastSeen1795393000000 implements MigrationInterface {
  name = 'DeriveListingLastSeen1795393000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "listings" DROP COLUMN "last_seen_at"');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "listings" ADD "last_seen_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query(
      `UPDATE "listings" l SET "last_seen_at" = COALESCE(
         (SELECT max(sp."last_seen_at") FROM "source_postings" sp WHERE sp."listing_id" = l."id"), l."first_seen_at")`,
    );
    await queryRunner.query('ALTER TABLE "listings" ALTER COLUMN "last_seen_at" SET NOT NULL');
  }
}
