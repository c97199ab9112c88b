import { MigrationInterface, QueryRunner } from 'typeorm';

export class SourceRunToken1796572447053 implements MigrationInterface {
  name = 'SourceRunToken1796572447053';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "sources"
            ADD "run_token" bigint NOT NULL DEFAULT '0'
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "sources" DROP COLUMN "run_token"
        `);
  }
}
