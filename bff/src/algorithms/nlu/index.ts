/**
 * Offline Chinese NLU of the support bot: `createNlu()` classifies a customer message into one of the 20
 * intents with a calibrated confidence and extracts order numbers, phones, times (Asia/Shanghai), stores,
 * products and attributes. Pure: no I/O, no clock (callers pass `now`).
 */
export { createNlu, UNKNOWN_TEXT_CONFIDENCE, type Nlu, type NluOptions } from './nlu';
export { maskPhone, maskPhonesInText } from './entities/identifiers';
export { parseCorpus, CorpusLineError } from './corpus';
export { trainModel, calibrateTemperature, type LabelledText, type TrainOptions } from './train';
export type { NluModel } from './classifier';
export * from './nlu.types';
