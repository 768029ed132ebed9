export * from './coord-transform';
export * from './distance';
export * from './polygon';
