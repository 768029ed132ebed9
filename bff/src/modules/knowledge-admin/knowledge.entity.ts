import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { FaqCategory, ProductEdgeKind, SuitableFor } from '@omni/shared-types';

/** A help-centre article the support bot answers from; edited in the back office. */
@Entity({ name: 'faq_articles' })
@Index('ix_faq_articles_category', ['category'])
export class FaqArticleEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  /** Stable key of a seeded article ("returns-7-day"); null for articles made in the back office. */
  @Index('uq_faq_articles_slug', { unique: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  slug!: string | null;

  @Column({ type: 'varchar', length: 16 })
  category!: FaqCategory;

  @Column({ type: 'varchar', length: 200 })
  question!: string;

  @Column({ type: 'text' })
  answer!: string;

  @Column({ type: 'simple-json' })
  keywords!: string[];

  /** More ways customers ask it. */
  @Column({ type: 'simple-json' })
  questions!: string[];

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Bumped by every admin edit; a write naming an older one is refused (VERSION_CONFLICT). */
  @Column({ type: 'int', default: 1 })
  version!: number;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}

/** A directed edge of the product graph the bot recommends from: `to` is suggested to who has `from`. */
@Entity({ name: 'product_relations' })
@Index('uq_product_relations', ['fromProductId', 'toProductId', 'kind'], { unique: true })
@Index('ix_product_relations_to', ['toProductId'])
export class ProductRelationEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ name: 'from_product_id', type: 'int' })
  fromProductId!: number;

  @Column({ name: 'to_product_id', type: 'int' })
  toProductId!: number;

  @Column({ type: 'varchar', length: 16 })
  kind!: ProductEdgeKind;

  /** Multiplies the kind's strength, 0..1. */
  @Column({ type: 'double', default: 1 })
  weight!: number;

  /** Shown to the customer instead of the generated reason. */
  @Column({ type: 'varchar', length: 60, nullable: true })
  reason!: string | null;

  /** Bumped by every admin edit; a write naming an older one is refused (VERSION_CONFLICT). */
  @Column({ type: 'int', default: 1 })
  version!: number;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}

/** Who a product suits (skin types, seasons, occasions): what the recommender filters by, beside its attributes. */
@Entity({ name: 'product_suitability' })
export class ProductSuitabilityEntity {
  @PrimaryColumn({ name: 'product_id', type: 'int' })
  productId!: number;

  @Column({ type: 'simple-json' })
  suitable!: SuitableFor;

  @Column({ type: 'int', default: 1 })
  version!: number;
}
