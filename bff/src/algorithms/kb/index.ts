/**
 * Knowledge layer of the support bot: `createKnowledgeBase()` retrieves help-centre articles for a
 * customer message (BM25 over words blended with character n-grams) and `recommend()` suggests products
 * from the product graph. Pure: no I/O, no clock.
 */
export { buildBm25Index, type Bm25Field, type Bm25Index, type Bm25Options } from './bm25';
export {
  createKnowledgeBase,
  DEFAULT_MIN_CONFIDENCE,
  type KbHit,
  type KnowledgeBase,
  type KnowledgeBaseOptions,
} from './kb';
export { createFallbackSegment, createJiebaSegment, type SegmentFn } from './kb-text';
export {
  recommend,
  type Recommendation,
  type RecommendAttributes,
  type RecommendOptions,
  type RecommendProduct,
} from './recommend';
