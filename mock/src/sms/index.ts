export * from './sms-mock';
