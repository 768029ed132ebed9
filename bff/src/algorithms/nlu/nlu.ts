import { compileModel, type NluModel } from './classifier';
import { extractEntities } from './entities/extract-entities';
import shippedModel from './model.json';
import { canonicalize } from './normalize';
import type { Classification, ParseContext, ParseResult } from './nlu.types';
import { createFeaturizer } from './pipeline';
import { createSegmenter } from './segmenter';

/** Options of `createNlu`; all optional, the defaults are the shipped model and dictionary. */
export interface NluOptions {
  /** Extra words the segmenter keeps whole: brand, product and store names. */
  dictionary?: readonly string[];
  /** A model other than the committed model.json (e.g. one trained in a test). */
  model?: NluModel;
  /** Force the pure-TS segmenter instead of jieba (the model is trained with jieba). */
  segmenter?: 'jieba' | 'fmm';
}

/** The support bot's language understanding: intent classification plus entity extraction. */
export interface Nlu {
  /** Which segmenter is in use: 'jieba', or 'fmm' when jieba's native module could not load. */
  readonly segmenter: 'jieba' | 'fmm';
  /** Intent of one customer message with a calibrated confidence in [0, 1]; never throws. */
  classify(text: string): Classification;
  /**
   * Intent plus entities (orders, phones, times in Asia/Shanghai relative to ctx.now, stores, products);
   * throws a TypeError only when ctx.now is not a valid Date (a caller bug), never because of the text.
   */
  parse(text: string, ctx: ParseContext): ParseResult;
}

/**
 * Confidence reported when a message has no feature the model knows (emoji only, empty, random symbols):
 * it is then out_of_scope, and low enough that the bot asks again or hands over.
 */
export const UNKNOWN_TEXT_CONFIDENCE = 0.2;

/** Creates the NLU; loads the segmenter once (about 0.2 s for jieba) and then classifies in microseconds. */
export function createNlu(options: NluOptions = {}): Nlu {
  const segmenter = createSegmenter({ extraWords: options.dictionary, engine: options.segmenter });
  const featurize = createFeaturizer(segmenter);
  const model = compileModel(options.model ?? (shippedModel as NluModel));

  function classify(text: string): Classification {
    const features = typeof text === 'string' ? featurize(text) : [];
    // The length bucket alone says nothing about the request.
    if (model.known(features.filter((f) => !f.startsWith('len:'))) === 0) {
      const rest = (1 - UNKNOWN_TEXT_CONFIDENCE) / (model.labels.length - 1);
      const ranking = model.labels
        .map((intent) => ({ intent, p: intent === 'out_of_scope' ? UNKNOWN_TEXT_CONFIDENCE : rest }))
        .sort((a, b) => b.p - a.p);
      return { intent: 'out_of_scope', confidence: UNKNOWN_TEXT_CONFIDENCE, ranking };
    }
    const ranking = model.score(features);
    return { intent: ranking[0].intent, confidence: ranking[0].p, ranking };
  }

  return {
    segmenter: segmenter.engine,
    classify,
    parse(text, ctx) {
      if (!(ctx?.now instanceof Date) || Number.isNaN(ctx.now.getTime())) {
        throw new TypeError('parse needs ctx.now, a valid Date, to resolve 今天 / 明天 / 周六');
      }
      const canonical = typeof text === 'string' ? canonicalize(text) : '';
      return { ...classify(text), entities: extractEntities(canonical, ctx) };
    },
  };
}
