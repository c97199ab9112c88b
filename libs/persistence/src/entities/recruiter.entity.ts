import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A person who signs in by e-mail to post for one or more organizations. */
@Entity({ name: 'recruiters' })
@Index('ux_recruiters_email', ['email'], { unique: true })
export class RecruiterEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Lower-cased; never logged in full. */
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ name: 'last_sign_in_at', type: 'timestamptz', nullable: true })
  lastSignInAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
