import { z } from 'zod';
import { CoordSystem } from './common';

/** How many addresses one customer may keep. */
export const ADDRESS_BOOK_LIMIT = 20;

/** Field limits of a saved address, in characters (Unicode code points, not UTF-16 units). */
export const ADDRESS_LIMITS = { contactName: 20, address: 120, detail: 60, tag: 8 } as const;

/** Tags offered as chips; any other short text is allowed too. */
export const ADDRESS_TAGS = ['家', '公司', '学校'] as const;

/** A mainland China mobile number. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

/** Roughly mainland China, Hong Kong, Macao and Taiwan, in degrees (GCJ-02 and WGS-84 alike). */
export const CHINA_BOUNDS = { minLat: 3.8, maxLat: 53.6, minLng: 73.4, maxLng: 135.1 } as const;

// Pictographs, flags, skin tones, keycaps and emoji presentation selectors.
const EMOJI =
  /\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]|\u{1F3FB}|\u{1F3FC}|\u{1F3FD}|\u{1F3FE}|\u{1F3FF}|\u20E3|\uFE0F/u;
// C0/C1 controls, lone surrogates, line/paragraph separators, zero-width and bidi controls.
const CONTROL = /[\p{Cc}\p{Cs}\u2028\u2029\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/u;

/** Length of `s` in characters (code points): 「北京」 is 2, one emoji is 1. */
export function charCount(s: string): number {
  return [...s].length;
}

/** `138****0000`: the number as shown in lists. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;
}

/** A trimmed text field of at most `max` characters with no emoji or control characters. */
function text(label: string, max: number, min = 1) {
  return z
    .string({ error: `${label}必须是文字` })
    .trim()
    .superRefine((s, ctx) => {
      if (charCount(s) < min) {
        ctx.addIssue({ code: 'custom', message: min > 1 ? `${label}至少 ${min} 个字` : `请填写${label}` });
      } else if (charCount(s) > max) {
        ctx.addIssue({ code: 'custom', message: `${label}最多 ${max} 个字` });
      } else if (EMOJI.test(s)) {
        ctx.addIssue({ code: 'custom', message: `${label}不能包含表情符号` });
      } else if (CONTROL.test(s)) {
        ctx.addIssue({ code: 'custom', message: `${label}不能包含控制字符或换行` });
      }
    });
}

const AddressFields = {
  contactName: text('收货人', ADDRESS_LIMITS.contactName),
  phone: z
    .string({ error: '手机号必须是文字' })
    .regex(MOBILE_PATTERN, '请填写 11 位中国大陆手机号（1 开头，第二位 3–9）'),
  address: text('地址', ADDRESS_LIMITS.address, 2),
  detail: text('门牌号', ADDRESS_LIMITS.detail, 0).optional(),
  lat: z
    .number({ error: '纬度必须是数字' })
    .finite()
    .min(CHINA_BOUNDS.minLat, '位置不在中国境内')
    .max(CHINA_BOUNDS.maxLat, '位置不在中国境内'),
  lng: z
    .number({ error: '经度必须是数字' })
    .finite()
    .min(CHINA_BOUNDS.minLng, '位置不在中国境内')
    .max(CHINA_BOUNDS.maxLng, '位置不在中国境内'),
  /** Coordinate system of lat/lng; default GCJ-02 (what WeChat's map picker and the geocoder give). */
  coord: CoordSystem.optional(),
  tag: text('标签', ADDRESS_LIMITS.tag, 0).optional(),
  isDefault: z.boolean({ error: '默认地址必须是 true 或 false' }).optional(),
};

/** `POST /me/addresses` body. The first address becomes the default whatever `isDefault` says. */
export const CreateAddressBody = z.strictObject(AddressFields);
export type CreateAddressBody = z.infer<typeof CreateAddressBody>;

/**
 * `PATCH /me/addresses/:id` body: any subset; `detail: ""` / `tag: ""` clear them; lat and lng
 * come together. `isDefault: true` makes it the default (the old one is cleared).
 */
export const UpdateAddressBody = z
  .strictObject(AddressFields)
  .partial()
  .superRefine((b, ctx) => {
    if (Object.values(b).every((v) => v === undefined)) {
      ctx.addIssue({ code: 'custom', message: '没有要修改的内容' });
    }
    if ((b.lat === undefined) !== (b.lng === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['lat'], message: '经纬度需要一起修改' });
    }
  });
export type UpdateAddressBody = z.infer<typeof UpdateAddressBody>;

/**
 * A saved address; lat/lng GCJ-02, times ISO UTC. `phone` is full in the answers of
 * `GET /me/addresses/:id`, POST and PATCH, and masked (138****0000) in `GET /me/addresses`.
 */
export const SavedAddress = z.object({
  id: z.number().int(),
  contactName: z.string(),
  phone: z.string(),
  address: z.string(),
  detail: z.string().nullable(),
  lat: z.number(),
  lng: z.number(),
  tag: z.string().nullable(),
  isDefault: z.boolean(),
  lastUsedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedAddress = z.infer<typeof SavedAddress>;

/** `GET /me/addresses`: the default first, then the most recently used or added. */
export const AddressListResponse = z.object({ items: z.array(SavedAddress) });
export type AddressListResponse = z.infer<typeof AddressListResponse>;
