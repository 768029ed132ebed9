import { readFileSync } from 'node:fs';
import path from 'node:path';
import { augmentCorpus } from './augment';
import { buildModel, CORPUS_DIR } from './build-model';
import { decodeRow, type NluModel } from './classifier';
import { CorpusLineError, parseCorpus } from './corpus';
import committed from './model.json';
import { INTENTS } from './nlu.types';

const read = (name: string) => readFileSync(path.join(CORPUS_DIR, name), 'utf8');

describe('model.json', () => {
  it('matches a fresh training on the committed corpus (run build-model.ts after editing the corpus)', () => {
    const fresh = buildModel(read('train.jsonl'), read('dev.jsonl'));
    const shipped = committed as NluModel;
    expect(shipped.labels).toEqual(fresh.labels);
    expect(shipped.temperature).toBeCloseTo(fresh.temperature, 2);
    expect(Object.keys(shipped.weights).sort()).toEqual(Object.keys(fresh.weights).sort());
    // Compared with a tolerance of one stored unit, so a last-bit floating point difference between
    // platforms does not fail the check while any real drift does.
    let worst = 0;
    for (const [feature, row] of Object.entries(fresh.weights)) {
      const a = decodeRow(row, fresh.scale);
      const b = decodeRow(shipped.weights[feature], shipped.scale);
      a.forEach((w, i) => (worst = Math.max(worst, Math.abs(w - b[i]))));
    }
    expect(worst).toBeLessThanOrEqual(1.01 / shipped.scale);
  });
});

describe('corpus', () => {
  const train = parseCorpus(read('train.jsonl'), 'train.jsonl');
  const dev = parseCorpus(read('dev.jsonl'), 'dev.jsonl');

  it.each(INTENTS)('has at least 40 training and 15 dev messages for %s', (intent) => {
    expect(train.filter((e) => e.intent === intent).length).toBeGreaterThanOrEqual(40);
    expect(dev.filter((e) => e.intent === intent).length).toBeGreaterThanOrEqual(15);
  });

  it.each(['dev.jsonl', 'holdout.jsonl', 'stress.jsonl'])('never trains on a message of %s', (name) => {
    const trained = new Set(train.map((e) => e.text.trim()));
    const held = parseCorpus(read(name), name);
    expect(held.filter((e) => trained.has(e.text.trim())).map((e) => e.text)).toEqual([]);
  });
});

describe('parseCorpus', () => {
  it('accepts a byte-order mark and Windows line endings', () => {
    expect(
      parseCorpus('\uFEFF{"text":"你好","intent":"greeting"}\r\n{"text":"谢谢","intent":"thanks"}\r\n'),
    ).toHaveLength(2);
  });

  it('skips blank lines and reads text and intent', () => {
    expect(parseCorpus('{"text":"你好","intent":"greeting"}\n\n{"text":"谢谢","intent":"thanks"}\n')).toEqual(
      [
        { text: '你好', intent: 'greeting' },
        { text: '谢谢', intent: 'thanks' },
      ],
    );
  });

  it.each([
    ['{"text":"你好","intent":"greeting"}\n{"text":"x"', 2, 'not valid JSON'],
    ['\n\n{"text":"你好","intent":"hello"}', 3, 'unknown intent "hello"'],
    ['{"text":1,"intent":"greeting"}', 1, '"text" must be a string'],
    ['["你好","greeting"]', 1, 'expected an object'],
  ])('names the bad line: %j', (jsonl, line, reason) => {
    expect(() => parseCorpus(jsonl, 'x.jsonl')).toThrow(CorpusLineError);
    expect(() => parseCorpus(jsonl, 'x.jsonl')).toThrow(`x.jsonl:${line}: ${reason}`);
  });
});

describe('augmentCorpus', () => {
  it('adds polite variants of requests but leaves greetings, thanks and small talk alone', () => {
    const examples = [
      { text: '我要退款', intent: 'return_refund' as const },
      { text: '开发票', intent: 'invoice' as const },
      { text: '你好', intent: 'greeting' as const },
      { text: '谢谢', intent: 'thanks' as const },
    ];
    expect(augmentCorpus(examples)).toEqual([
      ...examples,
      { text: '你好，我要退款', intent: 'return_refund' },
      { text: '开发票，谢谢', intent: 'invoice' },
    ]);
  });
});
