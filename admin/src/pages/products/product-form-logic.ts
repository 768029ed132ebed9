// The product form without React: a product ↔ the form's values (prices in yuan there, fen in the
// API), the client-side checks (the API's own zod fields, so both say the same), and where an API
// error goes in the form.
import type { FormInstance, FormRule as Rule } from 'antd';
import type { AdminProduct, CreateProductBody, FieldIssue, UpdateProductBody } from '@omni/shared-types';
import {
  MaxPerOrderField,
  PriceFenField,
  ProductNameField,
  SkuField,
  UnitField,
  VolumeLField,
} from '@omni/shared-types';
import { ApiError } from '../../api/client';
import { applyApiError } from '../../components/errors';

/** What the form holds: prices in yuan (two decimals), the rest as the API has it. */
export interface ProductFormValues {
  sku: string;
  name: string;
  subtitle: string;
  categoryId: string | undefined;
  priceYuan: number | null;
  originalPriceYuan: number | null;
  unit: string;
  description: string;
  images: string[];
  attributes: Array<{ name?: string; value?: string }>;
  tags: string[];
  volumeL: number | null;
  maxPerOrder: number | null;
}

/** The body of a create or an edit (status changes by 下架/上架, not by this form). */
export type ProductFields = Omit<CreateProductBody, 'status'>;

export const NEW_PRODUCT: ProductFormValues = {
  sku: '',
  name: '',
  subtitle: '',
  categoryId: undefined,
  priceYuan: null,
  originalPriceYuan: null,
  unit: '件',
  description: '',
  images: [],
  attributes: [],
  tags: [],
  volumeL: 1,
  maxPerOrder: 10,
};

/** Yuan (as typed, up to two decimals) → integer fen; 12.3 → 1230, 0.1 + 0.2 stays 30. */
export const yuanToFen = (yuan: number): number => Math.round(yuan * 100);
export const fenToYuan = (fen: number): number => fen / 100;

export function valuesOf(p: AdminProduct | null): ProductFormValues {
  if (!p) return { ...NEW_PRODUCT };
  return {
    sku: p.sku,
    name: p.name,
    subtitle: p.subtitle,
    categoryId: p.categoryId,
    priceYuan: fenToYuan(p.priceFen),
    originalPriceYuan: p.originalPriceFen === null ? null : fenToYuan(p.originalPriceFen),
    unit: p.unit,
    description: p.description,
    images: [...p.images],
    attributes: p.attributes.map((a) => ({ ...a })),
    tags: [...p.tags],
    volumeL: p.volumeL,
    maxPerOrder: p.maxPerOrder,
  };
}

/** The API body of validated form values (blank attribute rows dropped, text trimmed). */
export function bodyOf(v: ProductFormValues): ProductFields {
  return {
    sku: v.sku.trim(),
    name: v.name.trim(),
    subtitle: (v.subtitle ?? '').trim(),
    categoryId: v.categoryId ?? '',
    priceFen: yuanToFen(v.priceYuan ?? 0),
    originalPriceFen:
      v.originalPriceYuan === null || v.originalPriceYuan === undefined
        ? null
        : yuanToFen(v.originalPriceYuan),
    unit: v.unit.trim(),
    description: v.description ?? '',
    images: v.images ?? [],
    attributes: (v.attributes ?? [])
      .map((a) => ({ name: (a?.name ?? '').trim(), value: (a?.value ?? '').trim() }))
      .filter((a) => a.name || a.value),
    tags: (v.tags ?? []).map((t) => t.trim()).filter(Boolean),
    volumeL: v.volumeL ?? 1,
    maxPerOrder: v.maxPerOrder ?? 10,
  };
}

/** A PATCH of an edit: every field of the form plus the version read. */
export const patchOf = (v: ProductFormValues, version: number): UpdateProductBody => ({
  ...bodyOf(v),
  version,
});

/** An antd rule checking a value with one of the API's zod fields (its Chinese message on failure). */
export function zodRule(schema: {
  safeParse(v: unknown): { success: boolean; error?: { issues: Array<{ message: string }> } };
}): Rule {
  return {
    validator: async (_, value: unknown) => {
      const r = schema.safeParse(value);
      if (!r.success) throw new Error(r.error?.issues[0]?.message ?? '格式不正确');
    },
  };
}

/** Why a price in yuan is refused, or null: above zero, at most two decimals, within the API's range. */
export function yuanProblem(yuan: number | null | undefined, required: boolean): string | null {
  if (yuan === null || yuan === undefined) return required ? '价格必填' : null;
  if (!(yuan > 0)) return '价格须大于 0 元';
  if (Math.abs(yuan * 100 - Math.round(yuan * 100)) > 1e-6) return '价格最多两位小数（精确到分）';
  const r = PriceFenField.safeParse(yuanToFen(yuan));
  return r.success ? null : (r.error.issues[0]?.message ?? '价格不正确');
}

export const RULES = {
  sku: [zodRule(SkuField)],
  name: [zodRule(ProductNameField)],
  unit: [zodRule(UnitField)],
  volumeL: [zodRule(VolumeLField)],
  maxPerOrder: [zodRule(MaxPerOrderField)],
  categoryId: [{ required: true, message: '请选择分类' }] as Rule[],
  price: (required: boolean): Rule[] => [
    {
      validator: async (_, v: number | null) => {
        const p = yuanProblem(v, required);
        if (p) throw new Error(p);
      },
    },
  ],
};

/** API field path → the form's: prices are in yuan in the form. */
export function formPath(path: string): string {
  if (path === 'priceFen') return 'priceYuan';
  if (path === 'originalPriceFen') return 'originalPriceYuan';
  return path;
}

/** Error codes that are about one field. */
const CODE_FIELD: Record<string, string> = { SKU_TAKEN: 'sku', CATEGORY_NOT_FOUND: 'categoryId' };

/**
 * Puts an API error of a save next to its fields (price issues on the yuan field, SKU_TAKEN on SKU,
 * CATEGORY_NOT_FOUND on 分类) and answers what is left to show above the form (null: nothing).
 */
export function applyProductError(form: FormInstance, err: unknown): string | null {
  if (!(err instanceof ApiError)) return applyApiError(form, err);
  const issues: FieldIssue[] = err.fields.map((f) => ({ ...f, path: formPath(f.path) }));
  const coded = CODE_FIELD[err.code];
  if (coded) issues.push({ path: coded, message: err.message });
  if (!issues.length) return applyApiError(form, err);
  return applyApiError(form, new ApiError(err.status, err.code, err.message, { fields: issues }));
}
