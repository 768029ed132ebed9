export * from './wechat-mock';
export * from './mp-api';
export { fieldValueProblem, MP_FIELD_KEY } from './mp-fields';
export * from './pay-keys';
export * from './pay-mock';
export * from './pay-bill';
