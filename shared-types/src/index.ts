export * from './errors';
export * from './common';
export * from './auth';
export * from './catalog';
export * from './stores';
export * from './slots';
export * from './orders';
