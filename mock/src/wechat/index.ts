export * from './wechat-mock';
