export * from './wechat-mock';
export * from './pay-keys';
export * from './pay-mock';
export * from './pay-bill';
