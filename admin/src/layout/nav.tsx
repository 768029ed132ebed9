// The console's sections: path, menu label, icon, and who sees them. One list drives the menu,
// the routes and the role check, so a store manager can't reach an admin page by URL either.
import type { ReactNode } from 'react';
import {
  AppstoreOutlined,
  AuditOutlined,
  BellOutlined,
  BookOutlined,
  CarOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  EnvironmentOutlined,
  ProfileOutlined,
  ShopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { BackofficeRole } from '@omni/shared-types';

export interface Section {
  path: string;
  label: string;
  icon: ReactNode;
  roles: BackofficeRole[];
}

const BOTH: BackofficeRole[] = ['admin', 'store_manager'];
const ADMIN: BackofficeRole[] = ['admin'];

export const SECTIONS: Section[] = [
  { path: '/dashboard', label: '看板', icon: <DashboardOutlined />, roles: BOTH },
  { path: '/products', label: '商品', icon: <AppstoreOutlined />, roles: ADMIN },
  { path: '/stock', label: '库存', icon: <DatabaseOutlined />, roles: BOTH },
  { path: '/stores', label: '门店', icon: <ShopOutlined />, roles: ADMIN },
  { path: '/delivery', label: '配送区域与时段', icon: <EnvironmentOutlined />, roles: BOTH },
  { path: '/people', label: '人员', icon: <TeamOutlined />, roles: BOTH },
  { path: '/knowledge', label: '知识库', icon: <BookOutlined />, roles: ADMIN },
  { path: '/orders', label: '订单', icon: <ProfileOutlined />, roles: BOTH },
  { path: '/aftersales', label: '售后', icon: <CustomerServiceOutlined />, roles: BOTH },
  { path: '/dispatch', label: '调度', icon: <CarOutlined />, roles: BOTH },
  { path: '/notifications', label: '通知', icon: <BellOutlined />, roles: ADMIN },
  { path: '/audit', label: '审计', icon: <AuditOutlined />, roles: ADMIN },
];

export function sectionOf(pathname: string): Section | undefined {
  return SECTIONS.find((s) => pathname === s.path || pathname.startsWith(`${s.path}/`));
}
