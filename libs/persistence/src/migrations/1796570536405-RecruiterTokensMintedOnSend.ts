import { MigrationInterface, QueryRunner } from 'typeorm';

export class RecruiterTokensMintedOnSend1796570536405 implements MigrationInterface {
  name = 'RecruiterTokensMintedOnSend1796570536405';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "organization_invitations"
            ALTER COLUMN "token_hash" DROP NOT NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "recruiter_sign_in_links"
            ALTER COLUMN "token_hash" DROP NOT NULL
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "recruiter_sign_in_links"
            ALTER COLUMN "token_hash"
            SET NOT NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "organization_invitations"
            ALTER COLUMN "token_hash"
            SET NOT NULL
        `);
  }
}
