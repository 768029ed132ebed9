import { CONCEPTS, USER_WORDS } from '../nlu/lexicon';
import { canonicalize } from '../nlu/normalize';
import { createSegmenter } from '../nlu/segmenter';

/** Splits text into words; the knowledge base accepts any, e.g. jieba's or the fallback below. */
export type SegmentFn = (text: string) => string[];

// Question scaffolding that says nothing about the topic; removed before n-grams are taken so that
// "怎么…" in a joke does not look like "怎么开发票". Longest first, so "怎么办" goes before "怎么". Single
// characters are only those that never sit inside a content word ("会" would break "会员").
const FILLERS = [
  ...'请问|你好|您好|在吗|麻烦|帮我|我想|我要|想问|问一下|一下|怎么办|怎么样|怎么|咋办|如何|什么|为什么'.split(
    '|',
  ),
  ...'可不可以|能不能|可以|是不是|有没有|你们|我们|这个|那个|东西'.split('|'),
  ...'吗|呢|啊|吧|呀|哦|嘛|哈|的|了|啥|我|你|您'.split('|'),
];
const FILLER_PATTERN = new RegExp(FILLERS.join('|'), 'g');

// Words that never decide the topic on their own; segmenters cut them whole, so dropping them breaks nothing.
const STOPWORDS = new Set([
  ...FILLERS,
  ...'会|还|在|能|要|是|个|和|对|给|把|被|跟|与|得|这|那|想|谁|么|就|都|也|又|有|吗|一个|现在|已经|还是'.split(
    '|',
  ),
  ...'但是|然后|就是|这样|那样|怎么回事|咋|怎|多少|几|哪|哪里|哪儿'.split('|'),
]);

/** Canonical text (NFKC, lower case, simplified, known typos fixed) with punctuation and emoji as spaces. */
export function normalizeText(raw: string): string {
  return canonicalize(raw)
    .replace(/[^\p{Script=Han}a-z0-9]+/gu, ' ')
    .trim();
}

/** Normalised text with question scaffolding ("请问", "怎么", "吗"...) replaced by spaces. */
function stripFillers(normalized: string): string {
  return normalized.replace(FILLER_PATTERN, ' ');
}

/** Topic words of normalised text: scaffolding removed, segmented, without stopwords, lone digits or letters. */
export function topicWords(normalized: string, segment: SegmentFn): string[] {
  return segment(stripFillers(normalized))
    .map((w) => w.trim())
    .filter((w) => w !== '' && !STOPWORDS.has(w) && (/\p{Script=Han}/u.test(w) || /^[a-z0-9]{2,}$/.test(w)));
}

/**
 * Character bigrams and trigrams of each Han run (a lone character stands for itself) plus whole Latin
 * and digit runs, after question scaffolding is removed; robust to typos and segmentation misses.
 */
export function charNgrams(normalized: string): string[] {
  const out: string[] = [];
  for (const run of stripFillers(normalized).match(/\p{Script=Han}+|[a-z0-9]+/gu) ?? []) {
    const chars = [...run];
    if (!/\p{Script=Han}/u.test(run)) {
      if (run.length >= 2) out.push(run);
      continue;
    }
    if (chars.length === 1) out.push(run);
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
    for (let i = 0; i + 2 < chars.length; i++) out.push(chars[i] + chars[i + 1] + chars[i + 2]);
  }
  return out;
}

/**
 * A cheap, deterministic segmenter without the jieba native module: forward maximum matching over the
 * NLU's shop dictionary plus `extraWords` (e.g. the articles' keywords); Latin and digit runs stay whole,
 * unknown Han characters come out one by one.
 */
export function createFallbackSegment(extraWords: readonly string[] = []): SegmentFn {
  const lexicon = new Set(
    [...USER_WORDS, ...extraWords, ...STOPWORDS]
      .map((w) => normalizeText(w))
      .filter((w) => w.length > 1 && !w.includes(' ')),
  );
  const lengths = [...new Set([...lexicon].map((w) => w.length))].sort((x, y) => y - x);
  return (text) => {
    const out: string[] = [];
    for (const run of text.match(/\p{Script=Han}+|[a-z0-9]+/gu) ?? []) {
      if (!/\p{Script=Han}/u.test(run)) {
        out.push(run);
        continue;
      }
      // Han characters are single UTF-16 units, so string indices are character positions here.
      let i = 0;
      while (i < run.length) {
        const len = lengths.find((l) => i + l <= run.length && lexicon.has(run.slice(i, i + l))) ?? 1;
        out.push(run.slice(i, i + len));
        i += len;
      }
    }
    return out;
  };
}

/** jieba with the shop dictionary plus `extraWords` when its native module loads, else the fallback. */
export function createJiebaSegment(extraWords: readonly string[] = []): SegmentFn {
  const segmenter = createSegmenter({ extraWords });
  return (text) => segmenter.cut(text);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Only concepts that name a help-centre topic; greetings, moods and off-topic ones would make "你好" look
// like a match for whichever article happens to contain a greeting word.
const TOPIC_CONCEPTS = new Set(
  'order|where|not_arrived|track|reschedule|slot|cancel|refund|exchange|invoice|stock|fee|pay|promo|address'.split(
    '|',
  ),
);

const CONCEPT_TRIGGERS = Object.entries(CONCEPTS)
  .filter(([concept]) => TOPIC_CONCEPTS.has(concept))
  .map(([concept, triggers]) => {
    const latin = triggers.filter((t) => !/\p{Script=Han}/u.test(t));
    return {
      token: `@${concept}`,
      han: new RegExp(
        triggers
          .filter((t) => /\p{Script=Han}/u.test(t))
          .map(escapeRegExp)
          .join('|') || '$^',
      ),
      latin: latin.length > 0 ? new RegExp(`\\b(?:${latin.map(escapeRegExp).join('|')})\\b`) : null,
    };
  });

/**
 * Concept tokens ("@fee", "@invoice"...) of the NLU's synonym lexicon that normalised text mentions, so
 * "邮费" in a question meets "配送费" in an article.
 */
export function conceptTokens(normalized: string): string[] {
  return CONCEPT_TRIGGERS.filter((c) => c.han.test(normalized) || (c.latin?.test(normalized) ?? false)).map(
    (c) => c.token,
  );
}
