import { decodeRow, encodeRow, logitsOf, softmax, type NluModel } from './classifier';
import { featureValue } from './features';
import { INTENTS, type Intent } from './nlu.types';

/** One labelled message of a corpus. */
export interface LabelledText {
  text: string;
  intent: Intent;
}

/** Hyper-parameters of training; the defaults are what the committed model uses. */
export interface TrainOptions {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  /** Features seen in fewer training messages than this are dropped. */
  minCount?: number;
  seed?: number;
}

const DEFAULTS: Required<TrainOptions> = { epochs: 30, learningRate: 0.2, l2: 3e-4, minCount: 1, seed: 42 };

/** Integer scale of stored weights: two decimals are far below what changes a prediction. */
const WEIGHT_SCALE = 100;

/** Subtracts the mean: softmax ignores a constant added to every class, and centred rows print shorter. */
function centred(row: ArrayLike<number>): Float64Array {
  let mean = 0;
  for (let i = 0; i < row.length; i++) mean += row[i] / row.length;
  return Float64Array.from(row, (w) => w - mean);
}

// Bound once: global lookups inside hot loops are very slow in sandboxed runtimes such as Jest's vm context.
const { sqrt } = Math;

/** Deterministic PRNG (mulberry32) so that training is reproducible bit for bit. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Trains a multinomial logistic regression with L2 and AdaGrad SGD (fixed seed, so deterministic) on
 * `featurize(text)` features, and returns the serialised model with temperature 1.
 */
export function trainModel(
  examples: readonly LabelledText[],
  featurize: (text: string) => string[],
  options: TrainOptions = {},
): NluModel {
  const o = { ...DEFAULTS, ...options };
  const C = INTENTS.length;
  const featureLists = examples.map((e) => featurize(e.text));
  const counts = new Map<string, number>();
  for (const fs of featureLists) for (const f of fs) counts.set(f, (counts.get(f) ?? 0) + 1);
  const vocab = [...counts.keys()].filter((f) => (counts.get(f) ?? 0) >= o.minCount).sort();
  const index = new Map(vocab.map((f, i) => [f, i]));
  const rows = featureLists.map((fs) => fs.flatMap((f) => (index.has(f) ? [index.get(f) as number] : [])));
  const values = rows.map((row) => {
    const raw = row.map((f) => featureValue(vocab[f]));
    const norm = Math.sqrt(raw.reduce((sum, v) => sum + v * v, 0)) || 1;
    return raw.map((v) => v / norm);
  });
  const ys = examples.map((e) => INTENTS.indexOf(e.intent));

  const W = new Float64Array(vocab.length * C);
  const G = new Float64Array(vocab.length * C);
  const b = new Float64Array(C);
  const Gb = new Float64Array(C);
  const order = examples.map((_, i) => i);
  const rand = mulberry32(o.seed);
  const logits = new Float64Array(C);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const n of order) {
      const row = rows[n];
      const xs = values[n];
      for (let c = 0; c < C; c++) {
        let s = b[c];
        for (let j = 0; j < row.length; j++) s += W[row[j] * C + c] * xs[j];
        logits[c] = s;
      }
      const p = softmax(logits);
      for (let c = 0; c < C; c++) {
        const g = p[c] - (ys[n] === c ? 1 : 0);
        Gb[c] += g * g;
        b[c] -= (o.learningRate * g) / (sqrt(Gb[c]) + 1e-8);
        for (let j = 0; j < row.length; j++) {
          const k = row[j] * C + c;
          const grad = g * xs[j] + o.l2 * W[k];
          G[k] += grad * grad;
          W[k] -= (o.learningRate * grad) / (sqrt(G[k]) + 1e-8);
        }
      }
    }
  }

  const weights: Record<string, string> = {};
  vocab.forEach((f, i) => {
    const row = centred(W.subarray(i * C, (i + 1) * C));
    if (row.some((w) => Math.round(w * WEIGHT_SCALE) !== 0)) weights[f] = encodeRow(row, WEIGHT_SCALE);
  });
  return {
    version: 1,
    labels: [...INTENTS],
    scale: WEIGHT_SCALE,
    temperature: 1,
    bias: encodeRow(centred(b), WEIGHT_SCALE),
    weights,
  };
}

/**
 * Picks the softmax temperature (grid 0.2-5.0, step 0.05) that minimises negative log-likelihood on a
 * held-out set, so `confidence` tracks how often the model is right. Returns the model with it set.
 */
export function calibrateTemperature(
  model: NluModel,
  heldOut: readonly LabelledText[],
  featurize: (text: string) => string[],
): NluModel {
  if (heldOut.length === 0) return model;
  const table = new Map(Object.entries(model.weights).map(([f, row]) => [f, decodeRow(row, model.scale)]));
  const bias = decodeRow(model.bias, model.scale);
  const logits = heldOut.map((e) => logitsOf(table, bias, featurize(e.text)));
  const ys = heldOut.map((e) => INTENTS.indexOf(e.intent));
  let best = { t: 1, nll: Infinity };
  for (let step = 0; step <= 96; step++) {
    const t = Math.round((0.2 + step * 0.05) * 100) / 100;
    let nll = 0;
    logits.forEach((l, i) => (nll -= Math.log(Math.max(softmax(l, t)[ys[i]], 1e-12))));
    if (nll < best.nll - 1e-9) best = { t, nll };
  }
  return { ...model, temperature: best.t };
}
