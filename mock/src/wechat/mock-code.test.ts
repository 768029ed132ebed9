import { parseMockCode } from './wechat-mock';

describe('mock WeChat login codes (mini-program and official account alike)', () => {
  it.each([
    ['mock:oA1', { openid: 'oA1', unionid: null }],
    ['mock:oA1:U1', { openid: 'oA1', unionid: 'U1' }],
    ['mock:oA1:n42:u:U1', { openid: 'oA1', unionid: 'U1' }],
    ['mock:oA1:a:b:c', null],
    ['someothercode', null],
  ])('%s → %j', (code, who) => {
    expect(parseMockCode(code)).toEqual(who);
  });
});
