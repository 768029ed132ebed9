import { MetaEntity } from './meta.entity';
import { CourierPositionEntity } from '../modules/dispatch/courier-position';
import { UserEntity } from '../modules/users/user.entity';
import { CourierEntity, StoreEntity } from '../modules/stores/store.entity';
import { CategoryEntity, ProductEntity, StockEntity } from '../modules/catalog/catalog.entity';
import {
  SlotBlackoutEntity,
  SlotEntity,
  SlotOverrideEntity,
  SlotTemplateEntity,
  ZoneEntity,
} from '../modules/slots/slot.entity';
import { OrderEntity, OrderEventEntity, OrderItemEntity } from '../modules/orders/order.entity';
import { StoreExceptionEntity } from '../modules/stores/store-exception.entity';
import { ConsentEntity, FenceStateEntity, LbsEventEntity, PositionEntity } from '../modules/lbs/lbs.entity';
import {
  CourierPhotoEntity,
  DispatchRunEntity,
  RoutePlanEntity,
  RouteStopEntity,
  StopEventEntity,
} from '../modules/dispatch/dispatch.entity';
import { ConversationEntity, MessageEntity } from '../modules/support/support.entity';
import { CaseEntity, CaseEventEntity } from '../modules/aftersales/aftersales.entity';
import { JobEntity } from '../modules/jobs/job.entity';
import { RefundEntity } from '../modules/payments/refund.entity';
import { BillReportEntity } from '../modules/payments/bill.entity';
import { OpsAlertEntity } from '../modules/ops/alert.entity';
import { AddressEntity } from '../modules/addresses/address.entity';
import { AdminLoginEntity, AdminUserEntity } from '../modules/backoffice/admin-user.entity';
import { AuditEntity } from '../modules/audit/audit.entity';
import {
  FaqArticleEntity,
  ProductRelationEntity,
  ProductSuitabilityEntity,
} from '../modules/knowledge-admin/knowledge.entity';
import { InviteEntity, UserRoleEntity } from '../modules/members/member.entity';
import { SmsCodeEntity } from '../modules/h5-auth/sms-code.entity';
import {
  NotificationEntity,
  NotifyAllowanceEntity,
  NotifyOfferEntity,
  NotifyPrefEntity,
  NotifyTemplateEntity,
  WechatTokenEntity,
} from '../modules/notifications/notify.entity';

/** Every entity the DataSource knows. */
export const ENTITIES = [
  MetaEntity,
  NotificationEntity,
  NotifyTemplateEntity,
  NotifyAllowanceEntity,
  NotifyPrefEntity,
  NotifyOfferEntity,
  WechatTokenEntity,
  UserEntity,
  StoreEntity,
  CourierEntity,
  CategoryEntity,
  ProductEntity,
  StockEntity,
  ZoneEntity,
  SlotTemplateEntity,
  SlotBlackoutEntity,
  SlotOverrideEntity,
  SlotEntity,
  OrderEntity,
  OrderItemEntity,
  OrderEventEntity,
  StoreExceptionEntity,
  ConsentEntity,
  PositionEntity,
  FenceStateEntity,
  LbsEventEntity,
  RoutePlanEntity,
  RouteStopEntity,
  StopEventEntity,
  CourierPhotoEntity,
  DispatchRunEntity,
  ConversationEntity,
  MessageEntity,
  CaseEntity,
  CaseEventEntity,
  CourierPositionEntity,
  JobEntity,
  RefundEntity,
  BillReportEntity,
  OpsAlertEntity,
  AddressEntity,
  AdminUserEntity,
  AdminLoginEntity,
  AuditEntity,
  FaqArticleEntity,
  ProductRelationEntity,
  ProductSuitabilityEntity,
  UserRoleEntity,
  InviteEntity,
  SmsCodeEntity,
];
