import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { ProductAttribute } from '@omni/shared-types';

/** A product category; `id` is a slug. */
@Entity({ name: 'categories' })
export class CategoryEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id!: string;

  @Column({ type: 'varchar', length: 32 })
  name!: string;

  @Column({ type: 'varchar', length: 255 })
  icon!: string;

  @Column({ type: 'int' })
  sort!: number;
}

/** A product; prices are integer fen. */
@Entity({ name: 'products' })
// The unique's name is the one TypeORM generated when the migration created it.
@Unique('UQ_c44ac33a05b144dd0d9ddcf9327', ['sku'])
@Index('ix_products_category', ['categoryId'])
export class ProductEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'varchar', length: 32 })
  sku!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 200 })
  subtitle!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ name: 'category_id', type: 'varchar', length: 32 })
  categoryId!: string;

  @Column({ name: 'price_fen', type: 'int' })
  priceFen!: number;

  @Column({ name: 'original_price_fen', type: 'int', nullable: true })
  originalPriceFen!: number | null;

  @Column({ type: 'varchar', length: 8 })
  unit!: string;

  @Column({ name: 'volume_l', type: 'double' })
  volumeL!: number;

  @Column({ name: 'max_per_order', type: 'int' })
  maxPerOrder!: number;

  @Column({ type: 'simple-json' })
  tags!: string[];

  @Column({ type: 'simple-json' })
  attributes!: ProductAttribute[];

  @Column({ type: 'simple-json' })
  images!: string[];

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Bumped by every admin edit; a write naming an older one is refused (VERSION_CONFLICT). */
  @Column({ type: 'int', default: 1 })
  version!: number;
}

/** Units of a product on hand in a store (available to sell). */
@Entity({ name: 'store_stock' })
@Unique('uq_store_stock', ['storeId', 'productId'])
@Index('ix_stock_product', ['productId'])
export class StockEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ name: 'store_id', type: 'int' })
  storeId!: number;

  @Column({ name: 'product_id', type: 'int' })
  productId!: number;

  @Column({ type: 'int' })
  quantity!: number;

  /** Bumped by every admin edit; a write naming an older one is refused (VERSION_CONFLICT). */
  @Column({ type: 'int', default: 1 })
  version!: number;
}
