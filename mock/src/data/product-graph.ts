/** How two demo products relate: used together, an add-on, an alternative, or the same product line. */
export type ProductEdgeKind = 'complement' | 'accessory' | 'substitute' | 'same_series';

/** A directed relation between two demo products by sku; `from` is the product the customer already has. */
export interface ProductEdge {
  from: string;
  to: string;
  kind: ProductEdgeKind;
}

/** Skin types a product suits, as customers say them. */
export type SkinType = '干皮' | '油皮' | '混合皮' | '敏感肌' | '所有肤质';

/** Who and when a product suits; fields are absent where they do not apply (no skin type for a mug). */
export interface SuitableFor {
  skin?: SkinType[];
  season?: Array<'春' | '夏' | '秋' | '冬' | '四季'>;
  occasion?: Array<'日常' | '通勤' | '约会' | '运动' | '居家' | '送礼' | '旅行' | '睡前' | '办公'>;
  gender?: Array<'女' | '男' | '中性'>;
}

/** The product knowledge graph: relations between skus plus suitable-for attributes per sku. */
export interface ProductGraph {
  edges: ProductEdge[];
  suitableFor: Record<string, SuitableFor>;
}

const c = (from: string, to: string): ProductEdge => ({ from, to, kind: 'complement' });
const a = (from: string, to: string): ProductEdge => ({ from, to, kind: 'accessory' });
const s = (from: string, to: string): ProductEdge => ({ from, to, kind: 'substitute' });
const ss = (from: string, to: string): ProductEdge => ({ from, to, kind: 'same_series' });

const edges: ProductEdge[] = [
  // skincare routine: cleanse → tone → serum → cream, with sunscreen and double cleansing
  c('SK-0007', 'SK-0006'),
  c('SK-0006', 'SK-0005'),
  c('SK-0005', 'SK-0001'),
  c('SK-0005', 'SK-0004'),
  c('SK-0005', 'SK-0003'),
  ss('SK-0006', 'SK-0001'),
  c('SK-0001', 'SK-0011'),
  c('SK-0011', 'SK-0002'),
  s('SK-0001', 'SK-0002'),
  s('SK-0001', 'SK-0004'),
  c('SK-0003', 'SK-0010'),
  c('SK-0008', 'SK-0012'),
  c('SK-0012', 'SK-0007'),
  c('SK-0006', 'SK-0009'),
  c('SK-0005', 'SK-0009'),
  c('SK-0008', 'MU-0003'),
  // makeup
  c('MU-0003', 'MU-0008'),
  s('MU-0004', 'MU-0003'),
  c('MU-0004', 'MU-0008'),
  c('MU-0003', 'SK-0012'),
  c('MU-0006', 'SK-0012'),
  c('MU-0005', 'MU-0006'),
  c('MU-0007', 'MU-0005'),
  s('MU-0001', 'MU-0002'),
  c('MU-0001', 'PC-0009'),
  c('MU-0002', 'PC-0009'),
  ss('MU-0009', 'MU-0002'),
  c('MU-0009', 'MU-0004'),
  // fragrance
  ss('FR-0001', 'FR-0002'),
  s('FR-0001', 'FR-0003'),
  ss('FR-0002', 'PC-0003'),
  s('FR-0004', 'FR-0005'),
  c('FR-0004', 'FR-0006'),
  c('FR-0007', 'FR-0001'),
  c('FR-0008', 'HM-0006'),
  c('FR-0008', 'AP-0007'),
  // personal care
  c('PC-0001', 'PC-0002'),
  c('PC-0003', 'PC-0004'),
  ss('PC-0004', 'SK-0005'),
  c('PC-0005', 'PC-0009'),
  c('PC-0006', 'PC-0007'),
  s('PC-0007', 'PC-0008'),
  c('PC-0008', 'PC-0006'),
  c('PC-0003', 'HM-0005'),
  // apparel
  c('AP-0001', 'AP-0004'),
  a('AP-0001', 'AP-0008'),
  c('AP-0002', 'AP-0001'),
  c('AP-0003', 'AP-0004'),
  c('AP-0005', 'AP-0004'),
  s('AP-0005', 'AP-0001'),
  c('AP-0006', 'AP-0003'),
  a('AP-0006', 'AP-0010'),
  a('AP-0002', 'AP-0010'),
  a('AP-0005', 'AP-0009'),
  a('AP-0001', 'AP-0009'),
  c('AP-0007', 'HM-0008'),
  s('AP-0003', 'AP-0002'),
  // home
  s('HM-0001', 'HM-0002'),
  c('HM-0001', 'HM-0006'),
  c('HM-0002', 'HM-0006'),
  c('HM-0003', 'HM-0005'),
  c('HM-0004', 'FD-0001'),
  c('HM-0004', 'FD-0003'),
  a('FD-0003', 'HM-0007'),
  c('HM-0007', 'FD-0007'),
  c('HM-0009', 'FR-0001'),
  c('HM-0010', 'FD-0005'),
  c('HM-0010', 'FD-0004'),
  // food
  s('FD-0001', 'FD-0003'),
  c('FD-0001', 'FD-0006'),
  c('FD-0003', 'FD-0006'),
  c('FD-0004', 'FD-0008'),
  c('FD-0005', 'FD-0008'),
  s('FD-0004', 'FD-0005'),
  c('FD-0007', 'FD-0002'),
  c('FD-0009', 'FD-0007'),
  a('FD-0010', 'HM-0007'),
];

const ALL_YEAR = ['四季'] as SuitableFor['season'];
const UNISEX = ['中性'] as SuitableFor['gender'];

const suitableFor: Record<string, SuitableFor> = {
  'SK-0001': { skin: ['干皮'], season: ['秋', '冬'], gender: UNISEX },
  'SK-0002': { skin: ['敏感肌', '干皮'], season: ALL_YEAR, gender: UNISEX },
  'SK-0003': { skin: ['混合皮', '干皮'], season: ALL_YEAR, gender: UNISEX },
  'SK-0004': { skin: ['油皮', '混合皮'], season: ['春', '夏'], gender: UNISEX },
  'SK-0005': { skin: ['所有肤质'], season: ALL_YEAR, gender: UNISEX },
  'SK-0006': { skin: ['所有肤质'], season: ALL_YEAR, gender: UNISEX },
  'SK-0007': { skin: ['所有肤质', '敏感肌'], season: ALL_YEAR, gender: UNISEX },
  'SK-0008': { skin: ['所有肤质'], season: ['春', '夏'], occasion: ['日常', '通勤', '运动', '旅行'] },
  'SK-0009': { skin: ['所有肤质'], season: ALL_YEAR, occasion: ['约会', '睡前'] },
  'SK-0010': { skin: ['所有肤质'], season: ALL_YEAR, occasion: ['睡前'] },
  'SK-0011': { skin: ['干皮', '敏感肌'], season: ['秋', '冬'], occasion: ['睡前'] },
  'SK-0012': { skin: ['所有肤质'], season: ALL_YEAR, gender: UNISEX },
  'MU-0001': { occasion: ['日常', '约会'], gender: ['女'], season: ['秋', '冬'] },
  'MU-0002': { occasion: ['约会'], gender: ['女'], season: ['春', '夏'] },
  'MU-0003': { skin: ['油皮', '混合皮'], occasion: ['通勤'], gender: ['女'] },
  'MU-0004': { skin: ['干皮', '混合皮'], occasion: ['日常', '通勤'], gender: ['女'] },
  'MU-0005': { occasion: ['日常', '约会'], gender: ['女'] },
  'MU-0006': { occasion: ['日常', '约会'], gender: ['女'] },
  'MU-0007': { occasion: ['日常', '通勤'], gender: ['女', '男'] },
  'MU-0008': { skin: ['油皮', '混合皮'], occasion: ['通勤'], season: ['夏'] },
  'MU-0009': { occasion: ['约会', '日常'], gender: ['女'] },
  'FR-0001': { season: ['秋', '冬'], occasion: ['居家', '送礼'] },
  'FR-0002': { season: ALL_YEAR, occasion: ['居家', '送礼'] },
  'FR-0003': { season: ALL_YEAR, occasion: ['居家', '办公'] },
  'FR-0004': { season: ['春'], occasion: ['约会', '送礼'], gender: ['女'] },
  'FR-0005': { season: ['夏'], occasion: ['通勤', '日常'], gender: UNISEX },
  'FR-0006': { season: ALL_YEAR, occasion: ['旅行', '日常'], gender: ['女'] },
  'FR-0007': { season: ALL_YEAR, occasion: ['通勤'], gender: UNISEX },
  'FR-0008': { season: ALL_YEAR, occasion: ['睡前', '旅行'] },
  'PC-0001': { season: ['夏'], gender: UNISEX },
  'PC-0002': { season: ['秋', '冬'], gender: UNISEX },
  'PC-0003': { skin: ['所有肤质'], season: ALL_YEAR, gender: UNISEX },
  'PC-0004': { skin: ['所有肤质'], season: ['秋', '冬'], gender: UNISEX },
  'PC-0005': { skin: ['干皮', '所有肤质'], season: ['秋', '冬'], occasion: ['送礼', '办公'] },
  'PC-0006': { season: ALL_YEAR, gender: UNISEX },
  'PC-0007': { season: ALL_YEAR, occasion: ['送礼'], gender: UNISEX },
  'PC-0008': { season: ALL_YEAR, gender: UNISEX },
  'PC-0009': { skin: ['干皮', '所有肤质'], season: ['秋', '冬'], gender: UNISEX },
  'AP-0001': { season: ['春', '夏'], occasion: ['日常', '运动'], gender: UNISEX },
  'AP-0002': { season: ['春', '秋'], occasion: ['通勤', '办公'], gender: ['女'] },
  'AP-0003': { season: ['秋', '冬'], occasion: ['日常', '运动'], gender: UNISEX },
  'AP-0004': { season: ALL_YEAR, occasion: ['通勤', '日常'], gender: UNISEX },
  'AP-0005': { season: ['夏'], occasion: ['通勤', '旅行'], gender: UNISEX },
  'AP-0006': { season: ['秋', '冬'], occasion: ['通勤', '旅行'], gender: UNISEX },
  'AP-0007': { season: ['春', '秋'], occasion: ['居家', '睡前'], gender: UNISEX },
  'AP-0008': { season: ALL_YEAR, occasion: ['日常', '运动'], gender: UNISEX },
  'AP-0009': { season: ALL_YEAR, occasion: ['通勤', '旅行'], gender: UNISEX },
  'AP-0010': { season: ['冬'], occasion: ['通勤', '送礼'], gender: UNISEX },
  'HM-0001': { season: ALL_YEAR, occasion: ['居家'] },
  'HM-0002': { season: ALL_YEAR, occasion: ['居家'] },
  'HM-0003': { season: ALL_YEAR, occasion: ['居家', '旅行'] },
  'HM-0004': { season: ALL_YEAR, occasion: ['办公', '居家', '送礼'] },
  'HM-0005': { season: ALL_YEAR, occasion: ['居家', '运动'] },
  'HM-0006': { season: ALL_YEAR, occasion: ['睡前', '居家'] },
  'HM-0007': { season: ALL_YEAR, occasion: ['居家'] },
  'HM-0008': { season: ['秋', '冬'], occasion: ['办公', '居家'] },
  'HM-0009': { season: ALL_YEAR, occasion: ['居家'] },
  'HM-0010': { season: ['秋', '冬'], occasion: ['通勤', '旅行', '运动'] },
  'FD-0001': { season: ALL_YEAR, occasion: ['办公', '通勤'] },
  'FD-0002': { season: ALL_YEAR, occasion: ['办公', '日常'] },
  'FD-0003': { season: ALL_YEAR, occasion: ['居家', '送礼'] },
  'FD-0004': { season: ['秋', '冬'], occasion: ['送礼', '办公'] },
  'FD-0005': { season: ['夏'], occasion: ['办公', '日常'] },
  'FD-0006': { season: ALL_YEAR, occasion: ['办公', '送礼'] },
  'FD-0007': { season: ALL_YEAR, occasion: ['日常'] },
  'FD-0008': { season: ALL_YEAR, occasion: ['送礼'] },
  'FD-0009': { season: ['夏'], occasion: ['日常'] },
  'FD-0010': { season: ALL_YEAR, occasion: ['居家'] },
};

/**
 * Relations between the 68 demo products (routine steps, outfits, pairings, alternatives, product lines)
 * and who each suits; every demo sku appears in at least one edge.
 */
export const productGraph: ProductGraph = { edges, suitableFor };
