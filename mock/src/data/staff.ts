import type { SeedStaff } from './types';

/** Two staff accounts per store: the manager (店长, "-01") and a clerk (店员, "-02"). */
export const staff: SeedStaff[] = [
  { code: 'S-JA-01', name: '沈佳怡', storeCode: 'SH-JA-01', role: 'manager' },
  { code: 'S-JA-02', name: '顾晓雯', storeCode: 'SH-JA-01', role: 'clerk' },
  { code: 'S-HP-01', name: '陆文静', storeCode: 'SH-HP-01', role: 'manager' },
  { code: 'S-HP-02', name: '钱思远', storeCode: 'SH-HP-01', role: 'clerk' },
  { code: 'S-XH-01', name: '蒋丽华', storeCode: 'SH-XH-01', role: 'manager' },
  { code: 'S-XH-02', name: '许梦琪', storeCode: 'SH-XH-01', role: 'clerk' },
  { code: 'S-LJZ-01', name: '唐嘉明', storeCode: 'SH-LJZ-01', role: 'manager' },
  { code: 'S-LJZ-02', name: '邵欣然', storeCode: 'SH-LJZ-01', role: 'clerk' },
  { code: 'S-ZJ-01', name: '范志豪', storeCode: 'SH-ZJ-01', role: 'manager' },
  { code: 'S-ZJ-02', name: '金雨萱', storeCode: 'SH-ZJ-01', role: 'clerk' },
  { code: 'S-CN-01', name: '曹静', storeCode: 'SH-CN-01', role: 'manager' },
  { code: 'S-CN-02', name: '彭子涵', storeCode: 'SH-CN-01', role: 'clerk' },
  { code: 'S-PT-01', name: '袁海燕', storeCode: 'SH-PT-01', role: 'manager' },
  { code: 'S-PT-02', name: '潘俊杰', storeCode: 'SH-PT-01', role: 'clerk' },
  { code: 'S-YP-01', name: '汪晓东', storeCode: 'SH-YP-01', role: 'manager' },
  { code: 'S-YP-02', name: '严诗琪', storeCode: 'SH-YP-01', role: 'clerk' },
  { code: 'S-MH-01', name: '姚建国', storeCode: 'SH-MH-01', role: 'manager' },
  { code: 'S-MH-02', name: '龚婷婷', storeCode: 'SH-MH-01', role: 'clerk' },
  { code: 'S-HK-01', name: '韩美玲', storeCode: 'SH-HK-01', role: 'manager' },
  { code: 'S-HK-02', name: '戴一鸣', storeCode: 'SH-HK-01', role: 'clerk' },
];
