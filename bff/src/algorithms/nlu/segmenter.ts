import { USER_WORDS } from './lexicon';

/** Splits canonical text into words. */
export interface Segmenter {
  /** Which engine is in use: the jieba native module, or the pure-TS fallback. */
  readonly engine: 'jieba' | 'fmm';
  cut(text: string): string[];
}

type JiebaModule = typeof import('@node-rs/jieba');
type JiebaInstance = InstanceType<JiebaModule['Jieba']>;

const jiebaCache = new Map<string, JiebaInstance>();

function userDictBuffer(words: readonly string[]): Buffer {
  // A high frequency makes jieba keep these words whole even where its own dictionary would split them.
  return Buffer.from(words.map((w) => `${w.replace(/\s+/g, '')} 200000 n`).join('\n'));
}

function loadJieba(words: readonly string[]): JiebaInstance | undefined {
  const key = words.join('\n');
  const cached = jiebaCache.get(key);
  if (cached) return cached;
  try {
    // Loaded lazily so that a platform without the prebuilt binary falls back instead of crashing.
    const { Jieba } = require('@node-rs/jieba') as JiebaModule;
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    const jieba = Jieba.withDict(dict);
    jieba.loadDict(userDictBuffer(words));
    jiebaCache.set(key, jieba);
    return jieba;
  } catch {
    return undefined;
  }
}

/** Forward maximum matching over a word list; Latin letters and digits stay as whole runs. */
export function createFmmSegmenter(words: readonly string[]): Segmenter {
  const lexicon = new Set(words);
  const maxLen = Math.max(1, ...words.map((w) => [...w].length));
  return {
    engine: 'fmm',
    cut(text: string): string[] {
      const chars = [...text];
      const out: string[] = [];
      let i = 0;
      while (i < chars.length) {
        const ch = chars[i];
        if (/[a-z0-9#§]/i.test(ch)) {
          let j = i + 1;
          while (j < chars.length && /[a-z0-9#§]/i.test(chars[j])) j++;
          out.push(chars.slice(i, j).join(''));
          i = j;
          continue;
        }
        let len = Math.min(maxLen, chars.length - i);
        while (len > 1 && !lexicon.has(chars.slice(i, i + len).join(''))) len--;
        out.push(chars.slice(i, i + len).join(''));
        i += len;
      }
      return out.filter((w) => w.trim() !== '');
    },
  };
}

/**
 * A segmenter with the shop's user dictionary plus `extraWords`: jieba when its native module loads,
 * else forward maximum matching (`engine` tells which).
 */
export function createSegmenter(
  options: { extraWords?: readonly string[]; engine?: 'jieba' | 'fmm' } = {},
): Segmenter {
  const words = [...USER_WORDS, ...(options.extraWords ?? [])]
    .map((w) => w.normalize('NFKC').toLowerCase().trim())
    .filter((w) => w !== '');
  const jieba = options.engine === 'fmm' ? undefined : loadJieba(words);
  if (!jieba) return createFmmSegmenter(words);
  return {
    engine: 'jieba',
    cut: (text: string) => jieba.cut(text, true).filter((w) => w.trim() !== ''),
  };
}
