import { z } from 'zod';
import { VersionField } from './admin';

// The support bot's knowledge: help-centre articles and the product graph, as the BFF stores
// them and as the back office edits them (`/admin/faq`, `/admin/product-relations`).

/** Help-centre topics; the bot picks articles of a topic when the NLU is sure what a question is about. */
export const FAQ_CATEGORIES = [
  'returns',
  'delivery',
  'invoice',
  'membership',
  'coupons',
  'payment',
  'pickup',
  'orders',
  'account',
  'products',
  'general',
] as const;
export const FaqCategory = z.enum(FAQ_CATEGORIES);
export type FaqCategory = z.infer<typeof FaqCategory>;

/** One help-centre article as the retriever reads it: the answer (`body`), how customers ask it, search words. */
export interface FaqArticle {
  /** Stable key: a seeded article's slug ("returns-7-day"), else the row id as text. */
  id: string;
  title: string;
  category: FaqCategory;
  /** Plain text shown to the customer, Simplified Chinese. */
  body: string;
  /** Colloquial ways customers ask it. */
  questions: string[];
  keywords: string[];
}

/**
 * How two products relate: used together, a better version, an alternative, an add-on, the same line.
 * `complement`, `substitute` and `upgrade` are what the back office offers; the other two come from the demo graph.
 */
export const PRODUCT_RELATION_KINDS = [
  'complement',
  'substitute',
  'upgrade',
  'accessory',
  'same_series',
] as const;
export const ProductRelationKind = z.enum(PRODUCT_RELATION_KINDS);
export type ProductEdgeKind = z.infer<typeof ProductRelationKind>;

/** A directed relation between two products by sku; `from` is the product the customer already has. */
export interface ProductEdge {
  from: string;
  to: string;
  kind: ProductEdgeKind;
  /** Multiplies the kind's strength, 0..1 (default 1). */
  weight?: number;
  /** Shown to the customer instead of the generated reason. */
  reason?: string | null;
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

const Keyword = z.string().trim().min(1).max(32);
const FaqFields = {
  question: z.string().trim().min(2).max(200),
  answer: z.string().trim().min(1).max(2000),
  keywords: z.array(Keyword).max(30),
  /** More ways customers ask it (synonyms of the question). */
  questions: z.array(z.string().trim().min(2).max(200)).max(20),
  category: FaqCategory,
  active: z.boolean(),
};

/** `POST /admin/faq`; `category` defaults to `general`, the article is active unless told otherwise. */
export const CreateFaqBody = z.object({
  question: FaqFields.question,
  answer: FaqFields.answer,
  keywords: FaqFields.keywords.default([]),
  questions: FaqFields.questions.default([]),
  category: FaqFields.category.default('general'),
  active: FaqFields.active.default(true),
});
export type CreateFaqBody = z.infer<typeof CreateFaqBody>;

/** `PATCH /admin/faq/:id`: any subset plus the version read; `active: false` archives the article. */
export const UpdateFaqBody = z.object({
  question: FaqFields.question.optional(),
  answer: FaqFields.answer.optional(),
  keywords: FaqFields.keywords.optional(),
  questions: FaqFields.questions.optional(),
  category: FaqFields.category.optional(),
  active: FaqFields.active.optional(),
  version: VersionField,
});
export type UpdateFaqBody = z.infer<typeof UpdateFaqBody>;

/** One FAQ article in the back office. */
export const AdminFaq = z.object({
  id: z.number().int(),
  /** Stable key of a seeded article, null for articles made in the back office. */
  slug: z.string().nullable(),
  category: FaqCategory,
  question: z.string(),
  answer: z.string(),
  keywords: z.array(z.string()),
  questions: z.array(z.string()),
  active: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type AdminFaq = z.infer<typeof AdminFaq>;

const Flag = z.enum(['true', 'false']).transform((v) => v === 'true');

/** `GET /admin/faq`: `q` searches question, answer and keywords; archived articles only with `active=false`. */
export const FaqListQuery = z.object({
  q: z.string().trim().min(1).max(50).optional(),
  category: FaqCategory.optional(),
  active: Flag.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type FaqListQuery = z.infer<typeof FaqListQuery>;

export const FaqListResponse = z.object({
  items: z.array(AdminFaq),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type FaqListResponse = z.infer<typeof FaqListResponse>;

/** `DELETE /admin/faq/:id?version=` and `DELETE /admin/product-relations/:id?version=`. */
export const DeleteVersionQuery = z.object({ version: z.coerce.number().int().min(1) });
export type DeleteVersionQuery = z.infer<typeof DeleteVersionQuery>;

/** `POST /admin/faq/try`: what the bot would make of a customer message. */
export const FaqTryBody = z.object({ text: z.string().trim().min(1).max(500) });
export type FaqTryBody = z.infer<typeof FaqTryBody>;

export const FaqTryResponse = z.object({
  intent: z.string(),
  /** The intent classifier's confidence, 0..1. */
  confidence: z.number(),
  /** The best article when the retriever is confident enough, else null (the bot would say it is not sure). */
  article: z
    .object({ id: z.string(), question: z.string(), answer: z.string(), confidence: z.number() })
    .nullable(),
});
export type FaqTryResponse = z.infer<typeof FaqTryResponse>;

/** `POST /admin/product-relations`: a directed edge; a product never relates to itself. */
export const CreateProductRelationBody = z.object({
  fromProductId: z.number().int().positive(),
  toProductId: z.number().int().positive(),
  kind: ProductRelationKind,
  weight: z.number().min(0.05).max(1).default(1),
  reason: z.string().trim().min(1).max(60).nullable().default(null),
});
export type CreateProductRelationBody = z.infer<typeof CreateProductRelationBody>;

/** `PATCH /admin/product-relations/:id`: weight and reason; a different kind or pair is a new edge. */
export const UpdateProductRelationBody = z.object({
  weight: z.number().min(0.05).max(1).optional(),
  reason: z.string().trim().min(1).max(60).nullable().optional(),
  version: VersionField,
});
export type UpdateProductRelationBody = z.infer<typeof UpdateProductRelationBody>;

/** One product relation in the back office, with both products' sku and name. */
export const AdminProductRelation = z.object({
  id: z.number().int(),
  fromProductId: z.number().int(),
  fromSku: z.string(),
  fromName: z.string(),
  toProductId: z.number().int(),
  toSku: z.string(),
  toName: z.string(),
  kind: ProductRelationKind,
  weight: z.number(),
  reason: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type AdminProductRelation = z.infer<typeof AdminProductRelation>;

/** `GET /admin/product-relations`: edges touching `productId` (either end), of one `kind`. */
export const ProductRelationListQuery = z.object({
  productId: z.coerce.number().int().positive().optional(),
  kind: ProductRelationKind.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ProductRelationListQuery = z.infer<typeof ProductRelationListQuery>;

export const ProductRelationListResponse = z.object({
  items: z.array(AdminProductRelation),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ProductRelationListResponse = z.infer<typeof ProductRelationListResponse>;

const SKIN_TYPES = ['干皮', '油皮', '混合皮', '敏感肌', '所有肤质'] as const;
const SEASONS = ['春', '夏', '秋', '冬', '四季'] as const;
const OCCASIONS = ['日常', '通勤', '约会', '运动', '居家', '送礼', '旅行', '睡前', '办公'] as const;
const GENDERS = ['女', '男', '中性'] as const;
const distinct = <T extends z.ZodTypeAny>(item: T) =>
  z
    .array(item)
    .max(10)
    .refine((xs) => new Set(xs).size === xs.length, '不能重复');

/** Who and when a product suits, as the recommender reads it (an absent field: does not apply). */
export const SuitableForSchema = z.strictObject({
  skin: distinct(z.enum(SKIN_TYPES)).optional(),
  season: distinct(z.enum(SEASONS)).optional(),
  occasion: distinct(z.enum(OCCASIONS)).optional(),
  gender: distinct(z.enum(GENDERS)).optional(),
});

/** `PUT /admin/products/:id/suitability`: the whole set, with the version read (absent: first write). */
export const PutSuitabilityBody = z.strictObject({
  suitable: SuitableForSchema,
  version: z.number().int().min(1).optional(),
});
export type PutSuitabilityBody = z.infer<typeof PutSuitabilityBody>;

/** A product's suitability; `version` 0 means none is stored yet. */
export const AdminSuitability = z.object({
  productId: z.number().int(),
  suitable: SuitableForSchema,
  version: z.number().int().min(0),
});
export type AdminSuitability = z.infer<typeof AdminSuitability>;
