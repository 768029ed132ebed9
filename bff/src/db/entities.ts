import { MetaEntity } from './meta.entity';
import { UserEntity } from '../modules/users/user.entity';
import { CourierEntity, StoreEntity } from '../modules/stores/store.entity';
import { CategoryEntity, ProductEntity, StockEntity } from '../modules/catalog/catalog.entity';

/** Every entity the DataSource knows. */
export const ENTITIES = [
  MetaEntity,
  UserEntity,
  StoreEntity,
  CourierEntity,
  CategoryEntity,
  ProductEntity,
  StockEntity,
];
