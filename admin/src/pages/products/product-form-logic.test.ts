import type { AdminProduct } from '@omni/shared-types';
import { NEW_PRODUCT, bodyOf, formPath, valuesOf, yuanProblem, yuanToFen } from './product-form-logic';

describe('product form values', () => {
  it('turns yuan into integer fen without float drift', () => {
    expect(yuanToFen(12.34)).toBe(1234);
    expect(yuanToFen(0.1 + 0.2)).toBe(30);
    expect(yuanToFen(19.9)).toBe(1990);
  });

  it('checks a price in yuan: required, above zero, at most two decimals', () => {
    expect(yuanProblem(null, true)).toBe('价格必填');
    expect(yuanProblem(null, false)).toBeNull();
    expect(yuanProblem(0, true)).toBe('价格须大于 0 元');
    expect(yuanProblem(-3, true)).toBe('价格须大于 0 元');
    expect(yuanProblem(1.234, true)).toBe('价格最多两位小数（精确到分）');
    expect(yuanProblem(12.5, true)).toBeNull();
    expect(yuanProblem(30_000_000, true)).toBe('价格过大');
  });

  it('round-trips a product and drops blank attribute rows', () => {
    const p: AdminProduct = {
      id: 1,
      sku: 'A-1',
      name: '拿铁',
      subtitle: '',
      categoryId: 'drink',
      priceFen: 1850,
      originalPriceFen: 2200,
      unit: '杯',
      description: '香浓',
      images: ['/assets/uploads/products/a.jpg'],
      attributes: [{ name: '温度', value: '热' }],
      tags: ['咖啡'],
      status: 'active',
      volumeL: 0.5,
      maxPerOrder: 6,
      version: 2,
    };
    const v = valuesOf(p);
    expect(v).toMatchObject({ priceYuan: 18.5, originalPriceYuan: 22 });
    v.attributes.push({ name: ' ', value: '' });
    const { status: _s, id: _i, version: _v, ...fields } = p;
    expect(bodyOf(v)).toEqual(fields);
    expect(valuesOf(null)).toEqual(NEW_PRODUCT);
  });

  it('maps the API’s fen paths onto the yuan fields', () => {
    expect(formPath('priceFen')).toBe('priceYuan');
    expect(formPath('originalPriceFen')).toBe('originalPriceYuan');
    expect(formPath('attributes.0.name')).toBe('attributes.0.name');
  });
});
