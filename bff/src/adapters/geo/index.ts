export * from './geo-provider';
export * from './offline-geo-provider';
export * from './amap-geo-provider';
export * from './create-geo-provider';
export { AmapError, classifyInfocode, signAmapParams, type AmapErrorKind } from './amap-client';
export type { CircuitState } from './circuit-breaker';
export type { GazetteerEntry, GazetteerKind } from './shanghai-gazetteer';
