import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A domain an operator banned: its addresses cannot sign in, its organizations cannot post. */
@Entity({ name: 'banned_domains' })
export class BannedDomainEntity {
  @PrimaryColumn({ type: 'varchar', length: 253 })
  domain!: string;

  @Column({ type: 'text' })
  reason!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
