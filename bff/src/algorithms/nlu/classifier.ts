import { featureValue } from './features';
import { INTENTS, type Intent, type IntentScore } from './nlu.types';

/**
 * Serialised linear model: integer weights (divide by `scale`) per feature and biases, each a comma-separated
 * row in label order (one short line per feature keeps model.json small and Prettier-stable), plus the
 * softmax temperature.
 */
export interface NluModel {
  version: 1;
  labels: Intent[];
  scale: number;
  temperature: number;
  bias: string;
  weights: Record<string, string>;
}

/** Decodes one comma-separated weight row of a serialised model into real numbers. */
export function decodeRow(row: string, scale: number): Float64Array {
  return Float64Array.from(row.split(','), (w) => Number(w) / scale);
}

/** Encodes real weights as one comma-separated row of integers (`scale` times each weight, rounded). */
export function encodeRow(weights: ArrayLike<number>, scale: number): string {
  return Array.from(weights, (w) => Math.round(w * scale) || 0).join(',');
}

/** A model ready for scoring: feature weights in a Map of typed arrays. */
export interface CompiledModel {
  readonly labels: readonly Intent[];
  /** Calibrated probabilities per label for one message's features; unknown features are ignored. */
  score(features: readonly string[]): IntentScore[];
  /** How many of the given features the model knows. */
  known(features: readonly string[]): number;
}

// Bound once: global lookups inside hot loops are very slow in sandboxed runtimes such as Jest's vm context.
const { exp, max: maxOf, sqrt } = Math;

/** Softmax of `logits / temperature`, stable for large values. */
export function softmax(logits: ArrayLike<number>, temperature = 1): Float64Array {
  const out = new Float64Array(logits.length);
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) max = maxOf(max, logits[i] / temperature);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) {
    out[i] = exp(logits[i] / temperature - max);
    sum += out[i];
  }
  for (let i = 0; i < out.length; i++) out[i] /= sum;
  return out;
}

/** Raw logits (before temperature) of a compiled weight table for one message. */
export function logitsOf(
  weights: ReadonlyMap<string, Float64Array>,
  bias: ArrayLike<number>,
  features: readonly string[],
): Float64Array {
  const logits = Float64Array.from(bias);
  const active = features.filter((f) => weights.has(f));
  if (active.length === 0) return logits;
  // Features are binary and L2-normalised so long messages do not get extreme scores.
  let norm = 0;
  for (const f of active) norm += featureValue(f) ** 2;
  norm = sqrt(norm);
  for (const f of active) {
    const row = weights.get(f) as Float64Array;
    const x = featureValue(f) / norm;
    for (let c = 0; c < logits.length; c++) logits[c] += row[c] * x;
  }
  return logits;
}

const compiled = new WeakMap<NluModel, CompiledModel>();

/**
 * Checks a serialised model and turns it into a scorer (cached per model object, as decoding ~30k rows takes
 * a few hundred ms); throws on a label set other than INTENTS.
 */
export function compileModel(model: NluModel): CompiledModel {
  const cached = compiled.get(model);
  if (cached) return cached;
  const result = compileUncached(model);
  compiled.set(model, result);
  return result;
}

function compileUncached(model: NluModel): CompiledModel {
  if (model.version !== 1 || model.labels.join() !== INTENTS.join()) {
    throw new Error('NLU model does not match the 20 intent labels; rebuild it with build-model.ts');
  }
  const weights = new Map<string, Float64Array>();
  for (const [feature, row] of Object.entries(model.weights)) {
    weights.set(feature, decodeRow(row, model.scale));
  }
  const bias = decodeRow(model.bias, model.scale);
  return {
    labels: model.labels,
    score(features) {
      const p = softmax(logitsOf(weights, bias, features), model.temperature);
      return model.labels.map((intent, i) => ({ intent, p: p[i] })).sort((a, b) => b.p - a.p);
    },
    known: (features) => features.filter((f) => weights.has(f)).length,
  };
}
