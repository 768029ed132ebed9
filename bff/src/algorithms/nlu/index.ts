export { createNlu, UNKNOWN_TEXT_CONFIDENCE, type Nlu, type NluOptions } from './nlu';
export { maskPhone, maskPhonesInText } from './entities/identifiers';
export { parseCorpus, CorpusLineError } from './corpus';
export { trainModel, calibrateTemperature, type LabelledText, type TrainOptions } from './train';
export type { NluModel } from './classifier';
export * from './nlu.types';
