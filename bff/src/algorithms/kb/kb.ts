import type { FaqArticle } from '@omni/shared-types';
import { USER_WORDS } from '../nlu/lexicon';
import { buildBm25Index, type Bm25Field, type Bm25Index } from './bm25';
import {
  charNgrams,
  conceptTokens,
  createFallbackSegment,
  createJiebaSegment,
  normalizeText,
  topicWords,
  type SegmentFn,
} from './kb-text';

/** One retrieved article: `score` is the blended 0..1 coverage, `confidence` a calibrated-ish 0..1. */
export interface KbHit {
  article: FaqArticle;
  score: number;
  confidence: number;
}

/** The support bot's FAQ retriever. */
export interface KnowledgeBase {
  /** The best `k` articles for a customer message, best first (ties by article order). */
  search(query: string, k?: number): KbHit[];
  /** The best article when the knowledge base is confident enough, else null (the bot says it is not sure). */
  answer(query: string): { article: FaqArticle; confidence: number } | null;
}

/** Options of `createKnowledgeBase`; `engine: 'fallback'` (or any `segment`) avoids loading jieba. */
export interface KnowledgeBaseOptions {
  /** A custom segmenter; takes precedence over `engine`. */
  segment?: SegmentFn;
  /** Built-in segmenter, both with the shop dictionary, the articles' keywords and `shopWords`; default 'jieba'. */
  engine?: 'jieba' | 'fallback';
  /**
   * Shop vocabulary (product, store and attribute names) added to the NLU's dictionary; such words in a
   * message do not count against an article that does not mention them.
   */
  shopWords?: readonly string[];
  /** `answer` returns null below this confidence; 0..1. */
  minConfidence?: number;
}

/** Default confidence below which `answer` declines; tuned on the customer questions in kb.test.ts. */
export const DEFAULT_MIN_CONFIDENCE = 0.4;

// Field weights: a customer's phrasing matching a listed question or keyword says more than the body.
const WORD_WEIGHTS = { title: 3, questions: 2.5, keywords: 3, body: 1 };
const CHAR_WEIGHTS = { title: 2, questions: 2, keywords: 2, body: 0.6 };
// Share of the word-level coverage in the blend; the rest is character n-grams.
const WORD_SHARE = 0.5;
// Logistic calibration of the blended coverage (and the margin over the runner-up) to a confidence.
const CAL_CENTER = 0.3;
const CAL_SLOPE = 14;

type FieldWeights = typeof WORD_WEIGHTS;

interface QueryView {
  words: string[];
  grams: string[];
}

function fields(
  article: Pick<FaqArticle, 'title' | 'questions' | 'keywords' | 'body'>,
  toTokens: (normalized: string) => string[],
  w: FieldWeights,
): Bm25Field[] {
  return [
    { tokens: toTokens(article.title), weight: w.title },
    { tokens: article.questions.flatMap(toTokens), weight: w.questions },
    { tokens: article.keywords.flatMap(toTokens), weight: w.keywords },
    { tokens: toTokens(article.body), weight: w.body },
  ];
}

/**
 * The share of the query's information (idf mass) that documents match, 0..1 each. Unseen terms count
 * (so a message about the weather scores low everywhere), capped at the idf of a one-document term so
 * a single stray word does not drown the rest; unseen shop words ("精华", "裤子") count little, they say
 * the message is about the shop rather than off topic. Lone characters carry little meaning: they weigh
 * half in the query and even less when matched, so "好的" alone never looks like a confident match.
 */
function coverage(
  index: Bm25Index,
  terms: readonly string[],
  isShopWord: (t: string) => boolean,
): Float64Array {
  const unique = [...new Set(terms)];
  // Lone characters and broad concept tokens ("@refund") only support other evidence.
  const isWeak = (t: string) => [...t].length === 1 || t.startsWith('@');
  const scores = index.score(unique, (t) => (isWeak(t) ? 0.3 : 1));
  const cap = Math.log(1 + (index.docCount - 0.5) / 1.5);
  const queryWeight = (t: string) => (isWeak(t) ? 0.5 : !index.has(t) && isShopWord(t) ? 0.25 : 1);
  const total = unique.reduce((sum, t) => sum + Math.min(index.idf(t), cap) * queryWeight(t), 0);
  if (total <= 0) return scores.fill(0);
  for (let i = 0; i < scores.length; i++) scores[i] = Math.min(1, scores[i] / total);
  return scores;
}

function calibrate(score: number, runnerUp: number): number {
  const margin = score > 0 ? (score - runnerUp) / score : 0;
  const base = 1 / (1 + Math.exp(-CAL_SLOPE * (score - CAL_CENTER)));
  // A clear winner is more trustworthy than one of several near-equal candidates.
  return base * (0.75 + 0.25 * margin);
}

/**
 * Builds the FAQ retriever once: BM25F over segmented words (title, questions, keywords, body with
 * weights) blended with BM25F over character bigrams/trigrams. Pure and deterministic; segments with
 * jieba unless told otherwise (`engine: 'fallback'` is cheap to build, for tests of other modules).
 */
export function createKnowledgeBase(
  articles: readonly FaqArticle[],
  options: KnowledgeBaseOptions = {},
): KnowledgeBase {
  const dictionary = [...articles.flatMap((a) => a.keywords), ...(options.shopWords ?? [])];
  const segment =
    options.segment ??
    (options.engine === 'fallback' ? createFallbackSegment(dictionary) : createJiebaSegment(dictionary));
  const minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const normalizedArticles = articles.map((a) => ({
    title: normalizeText(a.title),
    questions: a.questions.map(normalizeText),
    keywords: a.keywords.map(normalizeText),
    body: normalizeText(a.body),
  }));
  const toWords = (normalized: string) => [...topicWords(normalized, segment), ...conceptTokens(normalized)];
  const shopWords = new Set(
    [...USER_WORDS, ...(options.shopWords ?? [])].map(normalizeText).filter((w) => w.length > 1),
  );
  const shopGrams = new Set([...shopWords].flatMap(charNgrams));
  const wordIndex = buildBm25Index(normalizedArticles.map((a) => fields(a, toWords, WORD_WEIGHTS)));
  const charIndex = buildBm25Index(normalizedArticles.map((a) => fields(a, charNgrams, CHAR_WEIGHTS)));

  const view = (query: string): QueryView => {
    const normalized = normalizeText(query);
    return { words: toWords(normalized), grams: charNgrams(normalized) };
  };

  const rank = (query: string): Array<{ index: number; score: number }> => {
    const q = view(query);
    if (q.words.length === 0 && q.grams.length === 0) return [];
    const words = coverage(wordIndex, q.words, (t) => shopWords.has(t));
    const grams = coverage(charIndex, q.grams, (t) => shopGrams.has(t));
    return articles
      .map((_, index) => ({ index, score: WORD_SHARE * words[index] + (1 - WORD_SHARE) * grams[index] }))
      .filter((r) => r.score > 0)
      .sort((x, y) => y.score - x.score || x.index - y.index);
  };

  const search = (query: string, k = 3): KbHit[] => {
    const ranked = rank(query);
    return ranked.slice(0, Math.max(0, k)).map((r, i) => ({
      article: articles[r.index],
      score: r.score,
      confidence: calibrate(r.score, ranked[i + 1]?.score ?? 0),
    }));
  };

  return {
    search,
    answer(query) {
      const [best] = search(query, 1);
      if (!best || best.confidence < minConfidence) return null;
      return { article: best.article, confidence: best.confidence };
    },
  };
}
