import { isIntent } from './nlu.types';
import type { LabelledText } from './train';

/** A corpus line that is not `{"text": string, "intent": <one of the 20 labels>}`; names its line number. */
export class CorpusLineError extends Error {
  constructor(
    readonly source: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${source}:${line}: ${reason}`);
    this.name = 'CorpusLineError';
  }
}

/**
 * Parses JSONL with one `{"text","intent"}` object per line (blank lines skipped); throws
 * CorpusLineError at the first bad line, naming `source` and the 1-based line number.
 */
export function parseCorpus(jsonl: string, source = 'corpus'): LabelledText[] {
  const out: LabelledText[] = [];
  // A byte-order mark from Windows editors is not part of the first line's JSON.
  jsonl
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = raw.trim();
      if (line === '') return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new CorpusLineError(source, i + 1, 'not valid JSON');
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new CorpusLineError(source, i + 1, 'expected an object {"text","intent"}');
      }
      const { text, intent } = value as Record<string, unknown>;
      if (typeof text !== 'string') throw new CorpusLineError(source, i + 1, '"text" must be a string');
      if (!isIntent(intent))
        throw new CorpusLineError(source, i + 1, `unknown intent ${JSON.stringify(intent)}`);
      out.push({ text, intent });
    });
  return out;
}
