import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { augmentCorpus } from './augment';
import type { NluModel } from './classifier';
import { parseCorpus } from './corpus';
import { createFeaturizer } from './pipeline';
import { createSegmenter } from './segmenter';
import { calibrateTemperature, trainModel } from './train';

/** Folder of the committed corpus files (train.jsonl, dev.jsonl, holdout.jsonl). */
export const CORPUS_DIR = path.join(__dirname, 'corpus');

/** Path of the committed model artifact that `createNlu` imports. */
export const MODEL_PATH = path.join(__dirname, 'model.json');

/**
 * Deterministically trains the shipped model: fits on train.jsonl plus its polite-padding augmentation,
 * then fits only the softmax temperature on dev.jsonl (argmax, hence dev accuracy, is unaffected by it).
 */
export function buildModel(trainJsonl: string, devJsonl: string): NluModel {
  const featurize = createFeaturizer(createSegmenter());
  const model = trainModel(augmentCorpus(parseCorpus(trainJsonl, 'train.jsonl')), featurize);
  return calibrateTemperature(model, parseCorpus(devJsonl, 'dev.jsonl'), featurize);
}

/** Serialises a model as committed: Prettier-stable JSON with one feature row per line. */
export function serializeModel(model: NluModel): string {
  return `${JSON.stringify(model, null, 2)}
`;
}

if (require.main === module) {
  const read = (name: string) => readFileSync(path.join(CORPUS_DIR, name), 'utf8');
  const model = buildModel(read('train.jsonl'), read('dev.jsonl'));
  writeFileSync(MODEL_PATH, serializeModel(model));
  process.stdout.write(
    `wrote ${MODEL_PATH}: ${Object.keys(model.weights).length} features, temperature ${model.temperature}\n`,
  );
}
