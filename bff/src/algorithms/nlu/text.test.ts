import { canonicalize, MAX_INPUT_CHARS, toFeatureText } from './normalize';
import { createFmmSegmenter, createSegmenter } from './segmenter';

describe('canonicalize', () => {
  it.each([
    ['订单１２３４５６到哪了？', '订单123456到哪了?'],
    ['Can I 改時間', 'can i 改时间'],
    ['訂單取消', '订单取消'],
    ['定单怎么还没到', '订单怎么还没到'],
    ['退宽什么时候到', '退款什么时候到'],
    ['优惠卷怎么用', '优惠券怎么用'],
    ['找克服', '找客服'],
    ['  你好 \n\t 在吗  ', '你好 在吗'],
  ])('turns %j into %j', (raw, expected) => expect(canonicalize(raw)).toBe(expected));

  it('keeps only the first MAX_INPUT_CHARS characters of a very long message', () => {
    expect(canonicalize('好'.repeat(5000))).toHaveLength(MAX_INPUT_CHARS);
  });
});

describe('toFeatureText', () => {
  it.each([
    ['订单123456到哪了', '订单 § 到哪了'],
    ['满300减50', '满#减#'],
    ['😡😡 #hashtag', 'hashtag'],
    ['<b>退款</b>', 'b 退款 b'],
  ])('turns %j into %j', (canonical, expected) => expect(toFeatureText(canonical)).toBe(expected));
});

describe('segmenters', () => {
  it('keeps shop words whole with jieba', () => {
    const segmenter = createSegmenter();
    expect(segmenter.engine).toBe('jieba');
    expect(segmenter.cut('静安店几点关门')).toEqual(expect.arrayContaining(['静安店']));
    expect(segmenter.cut('敏感肌用什么精华')).toEqual(expect.arrayContaining(['敏感肌']));
  });

  it('keeps words from the caller dictionary whole', () => {
    const words = createSegmenter({ extraWords: ['熔岩巧克力蛋糕'] }).cut('熔岩巧克力蛋糕还有吗');
    expect(words).toContain('熔岩巧克力蛋糕');
  });

  it('falls back to forward maximum matching, keeping Latin and digit runs whole', () => {
    const fmm = createFmmSegmenter(['订单', '到哪', '改时间']);
    expect(fmm.cut('订单§到哪了')).toEqual(['订单', '§', '到哪', '了']);
    expect(fmm.cut('can i 改时间')).toEqual(['can', 'i', '改时间']);
  });
});
