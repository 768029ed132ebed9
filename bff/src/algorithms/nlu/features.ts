import { CONCEPTS } from './lexicon';

interface ConceptTrigger {
  concept: string;
  trigger: string;
}

const HAN_TRIGGERS: ConceptTrigger[] = [];
const LATIN_TRIGGERS = new Map<string, string[]>();
for (const [concept, triggers] of Object.entries(CONCEPTS)) {
  for (const trigger of triggers) {
    if (/^[a-z ]+$/.test(trigger)) {
      const list = LATIN_TRIGGERS.get(trigger) ?? [];
      list.push(concept);
      LATIN_TRIGGERS.set(trigger, list);
    } else {
      HAN_TRIGGERS.push({ concept, trigger });
    }
  }
}

/** Weight of a concept hit relative to an n-gram or word feature: concepts carry the meaning of synonyms. */
export const CONCEPT_WEIGHT = 2;

/** Value of a binary feature before L2 normalisation of the message's feature vector. */
export function featureValue(feature: string): number {
  return feature.startsWith('k:') ? CONCEPT_WEIGHT : 1;
}

function lengthBucket(chars: number): string {
  if (chars <= 2) return 'len:xs';
  if (chars <= 5) return 'len:s';
  if (chars <= 12) return 'len:m';
  return 'len:l';
}

/**
 * Sparse binary features of one message: character 1-3-grams of the feature text (with ^ and $ marks),
 * segmented words, concept hits from the canonical text, and a length bucket.
 * Returns distinct feature keys in first-seen order.
 */
export function extractFeatures(canonical: string, featureText: string, words: readonly string[]): string[] {
  const feats = new Set<string>();
  const compact = featureText.replace(/ /g, '');
  if (compact === '') return [];
  const chars = ['^', ...compact, '$'];
  for (let i = 0; i < chars.length; i++) {
    if (i > 0 && i < chars.length - 1) feats.add(`c:${chars[i]}`);
    if (i + 1 < chars.length) feats.add(`c:${chars[i]}${chars[i + 1]}`);
    if (i + 2 < chars.length) feats.add(`c:${chars[i]}${chars[i + 1]}${chars[i + 2]}`);
  }
  const kept = words.filter((w) => /[\p{Script=Han}a-z#§]/u.test(w));
  for (const word of kept) feats.add(`w:${word}`);
  for (const { concept, trigger } of HAN_TRIGGERS) if (canonical.includes(trigger)) feats.add(`k:${concept}`);
  const latin = ` ${canonical.replace(/[^a-z]+/g, ' ')} `;
  for (const [trigger, concepts] of LATIN_TRIGGERS) {
    if (latin.includes(` ${trigger} `)) for (const concept of concepts) feats.add(`k:${concept}`);
  }
  feats.add(lengthBucket(chars.length - 2));
  return [...feats];
}
