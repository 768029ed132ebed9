import { canonicalize } from '../normalize';
import { extractColors, extractProducts, extractSizes, extractSkinTypes, extractStores } from './catalog';

const STORES = [
  { id: 's-jingan', name: '上海静安嘉里中心店', aliases: ['静安店', '嘉里店'] },
  { id: 's-xuhui', name: '徐汇店' },
  { id: 's-njxl', name: '南京西路旗舰店', aliases: ['南西店'] },
];
const PRODUCTS = [
  { id: 'p-serum', name: '玻尿酸保湿精华液 30ml' },
  { id: 'p-cream', name: '修护面霜' },
  { id: 'p-bedding', name: '纯棉四件套' },
  { id: 'p-hoodie', name: '男士连帽卫衣' },
];
const c = canonicalize;

describe('extractStores', () => {
  it.each([
    ['静安店几点关门', 's-jingan', '静安店'],
    ['嘉里中心那家开到几点', 's-jingan', '嘉里店'],
    ['徐汇有货吗', 's-xuhui', '徐汇'],
    ['去南京西路旗舰店自提', 's-njxl', '南京西路旗舰店'],
    ['南西店有M码吗', 's-njxl', '南西店'],
  ])('finds the store in %s', (text, id) =>
    expect(extractStores(c(text), STORES).map((s) => s.id)).toEqual([id]),
  );

  it('reports the name that matched and the store name', () => {
    expect(extractStores(c('静安店几点关门'), STORES)).toEqual([
      { id: 's-jingan', name: '上海静安嘉里中心店', matched: '静安店' },
    ]);
  });

  it('lists two stores in the order they are mentioned', () => {
    expect(extractStores(c('徐汇店没货的话静安店有吗'), STORES).map((s) => s.id)).toEqual([
      's-xuhui',
      's-jingan',
    ]);
  });

  it('finds nothing without a store name or with no stores given', () => {
    expect(extractStores(c('附近有门店吗'), STORES)).toEqual([]);
    expect(extractStores(c('静安店'), [])).toEqual([]);
  });
});

describe('extractProducts', () => {
  it('scores a full product name as 1', () => {
    expect(extractProducts(c('修护面霜敏感肌能用吗'), PRODUCTS)).toEqual([
      { id: 'p-cream', name: '修护面霜', score: 1 },
    ]);
  });

  it.each([
    ['保湿精华还有吗', 'p-serum'],
    ['玻尿酸精华液多少钱', 'p-serum'],
    ['四件套有白色的吗', 'p-bedding'],
    ['连帽卫衣L码', 'p-hoodie'],
    ['卫衣有L码吗', 'p-hoodie'],
  ])('finds the product a customer names in part: %s', (text, id) =>
    expect(extractProducts(c(text), PRODUCTS)[0]?.id).toBe(id),
  );

  it('lists every product of a category the customer names, best first', () => {
    const creams = [...PRODUCTS, { id: 'p-cream2', name: '美白面霜' }];
    expect(extractProducts(c('面霜有货吗'), creams).map((p) => p.id)).toEqual(['p-cream', 'p-cream2']);
  });

  it.each(['订单到哪了', '面膜推荐', '精', '卫', ''])('finds no product in %s', (text) =>
    expect(extractProducts(c(text), PRODUCTS)).toEqual([]),
  );
});

describe('attributes', () => {
  it.each([
    ['我是干皮', ['dry']],
    ['油皮夏天用什么', ['oily']],
    ['敏感肌能用吗', ['sensitive']],
    ['混合皮 T区油', ['combination']],
    ['混油皮', ['combination']],
    ['中性皮肤', ['normal']],
    ['皮肤很好', []],
  ])('reads skin type from %s', (text, types) => expect(extractSkinTypes(c(text))).toEqual(types));

  it.each([
    ['L码有吗', ['L']],
    ['换成XL', ['XL']],
    ['S码换M码', ['S', 'M']],
    ['有没有2XL', ['2XL']],
    ['38码的鞋', ['38码']],
    ['有均码吗', ['均码']],
    ['size m please', ['M']],
    ['50ml的面霜', []],
    ['i am fine', []],
  ])('reads sizes from %s', (text, sizes) => expect(extractSizes(c(text))).toEqual(sizes));

  it.each([
    ['黑色L码还有吗', ['黑色']],
    ['白色换成藏青色', ['白色', '藏青色']],
    ['有粉的吗', ['粉色']],
    ['the black one', ['black']],
    ['红包怎么领', []],
  ])('reads colours from %s', (text, colors) => expect(extractColors(c(text))).toEqual(colors));
});
