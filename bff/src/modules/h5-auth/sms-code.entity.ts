import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One SMS code sent to a phone: its HMAC (never the code), expiry and wrong tries. */
@Entity({ name: 'sms_codes' })
@Index('ix_sms_codes_phone', ['phone', 'id'])
export class SmsCodeEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'varchar', length: 20 })
  phone!: string;

  /** HMAC-SHA256 (hex) of phone and code under a key derived from JWT_SECRET. */
  @Column({ name: 'code_hash', type: 'varchar', length: 64 })
  codeHash!: string;

  /** Wrong codes typed against this one; at 5 it is dead. */
  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ type: 'varchar', length: 64 })
  ip!: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'datetime' })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: 'datetime', nullable: true })
  usedAt!: Date | null;
}
