import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Key/value facts about the database itself (e.g. which demo seed ran). */
@Entity({ name: 'app_meta' })
export class MetaEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key!: string;

  @Column({ type: 'varchar', length: 255 })
  value!: string;
}
