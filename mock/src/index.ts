export * from './wechat/wechat-mock';
