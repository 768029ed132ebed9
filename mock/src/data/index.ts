export type * from './types';
export { stores } from './stores';
export { categories } from './categories';
export { products } from './products';
export { couriers } from './couriers';
export { staff } from './staff';
export { zones, type SeedZone } from './zones';
export { faqArticles, type FaqArticle, type FaqCategory } from './faq';
export { productGraph, type ProductEdge, type ProductGraph, type SuitableFor } from './product-graph';
