import { Init1764000000000 } from './migrations/1764000000000-init';
import { Checkout1764000100000 } from './migrations/1764000100000-checkout';
import { Lbs1764000200000 } from './migrations/1764000200000-lbs';
import { Dispatch1764000300000 } from './migrations/1764000300000-dispatch';
import { Support1764000400000 } from './migrations/1764000400000-support';
import { PositionStreak1764000500000 } from './migrations/1764000500000-position-streak';
import { CourierPositions1764000600000 } from './migrations/1764000600000-courier-positions';
import { SchemaAlign1764000650000 } from './migrations/1764000650000-schema-align';
import { Money1764000700000 } from './migrations/1764000700000-money';
import { Addresses1764000800000 } from './migrations/1764000800000-addresses';
import { DeliveryCode1764000810000 } from './migrations/1764000810000-delivery-code';
import { Backoffice1764000900000 } from './migrations/1764000900000-backoffice';
import { H5Auth1764000960000 } from './migrations/1764000960000-h5-auth';
import { Members1764000910000 } from './migrations/1764000910000-members';
import { Audit1764000920000 } from './migrations/1764000920000-audit';
import { Knowledge1764000950000 } from './migrations/1764000950000-knowledge';
import { OpsData1764000940000 } from './migrations/1764000940000-ops-data';
import { Dashboard1764000970000 } from './migrations/1764000970000-dashboard';
import { AftersalesQueue1764000990000 } from './migrations/1764000990000-aftersales-queue';
import { Notifications1764001000000 } from './migrations/1764001000000-notifications';

/** Migrations in the order they run. */
export const MIGRATIONS = [
  Init1764000000000,
  Checkout1764000100000,
  Lbs1764000200000,
  Dispatch1764000300000,
  Support1764000400000,
  PositionStreak1764000500000,
  CourierPositions1764000600000,
  SchemaAlign1764000650000,
  Money1764000700000,
  Addresses1764000800000,
  DeliveryCode1764000810000,
  Backoffice1764000900000,
  Members1764000910000,
  Audit1764000920000,
  OpsData1764000940000,
  Knowledge1764000950000,
  H5Auth1764000960000,
  Dashboard1764000970000,
  AftersalesQueue1764000990000,
  Notifications1764001000000,
];
