import { MigrationInterface, QueryRunner } from 'typeorm';

export class SourceSuspectSnapshots1796573924904 implements MigrationInterface {
  name = 'SourceSuspectSnapshots1796573924904';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "sources"
            ADD "suspect_since" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "sources"
            ADD "suspect_runs" integer NOT NULL DEFAULT '0'
        `);
    await queryRunner.query(`
            ALTER TABLE "sources"
            ADD "shrink_confirmed_at" TIMESTAMP WITH TIME ZONE
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "sources" DROP COLUMN "shrink_confirmed_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "sources" DROP COLUMN "suspect_runs"
        `);
    await queryRunner.query(`
            ALTER TABLE "sources" DROP COLUMN "suspect_since"
        `);
  }
}
