import type { Intent } from './nlu.types';
import type { LabelledText } from './train';

/** Openers customers put before the actual request; they must not make a request look like a greeting. */
const OPENERS = ['你好，', '您好 ', '在吗？', '亲，', 'hello ', '请问', '麻烦问下，', '客服你好，'];

/** Closers customers put after a request; they must not make it look like thanks. */
const CLOSERS = ['，谢谢', ' 谢谢啦', '，麻烦了', ' thanks', '！！', '？？', ' 急', '，辛苦'];

// Small talk and closings keep their own wording; everything else gets polite padding.
const UNPADDED: readonly Intent[] = ['greeting', 'thanks', 'out_of_scope'];

/**
 * Deterministic data augmentation: every 3rd request also appears with an opener (你好，...) and every 3rd
 * (offset by one) with a closer (...谢谢), so that politeness words do not decide the intent.
 */
export function augmentCorpus(examples: readonly LabelledText[]): LabelledText[] {
  const out = [...examples];
  examples.forEach((e, i) => {
    if (UNPADDED.includes(e.intent)) return;
    if (i % 3 === 0) out.push({ text: OPENERS[(i / 3) % OPENERS.length] + e.text, intent: e.intent });
    if (i % 3 === 1) out.push({ text: e.text + CLOSERS[((i - 1) / 3) % CLOSERS.length], intent: e.intent });
  });
  return out;
}
