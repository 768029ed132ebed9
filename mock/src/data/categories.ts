import type { SeedCategory } from './types';

/** The shop's categories in menu order; icons are 64×64 SVGs under /assets/categories/. */
export const categories: SeedCategory[] = [
  { id: 'skincare', name: '护肤', icon: '/assets/categories/skincare.svg', sort: 10 },
  { id: 'makeup', name: '彩妆', icon: '/assets/categories/makeup.svg', sort: 20 },
  { id: 'fragrance', name: '香氛', icon: '/assets/categories/fragrance.svg', sort: 30 },
  { id: 'personal-care', name: '个护', icon: '/assets/categories/personal-care.svg', sort: 40 },
  { id: 'apparel', name: '服饰', icon: '/assets/categories/apparel.svg', sort: 50 },
  { id: 'home', name: '家居', icon: '/assets/categories/home.svg', sort: 60 },
  { id: 'food', name: '食品', icon: '/assets/categories/food.svg', sort: 70 },
];
