// The one reader of build-time variables (Taro inlines `process.env.TARO_*` when bundling).

/** The platform this bundle was built for ('weapp' or 'h5'). */
export const PLATFORM: string = process.env.TARO_ENV ?? 'h5';

/** True in the browser build, where WeChat-only APIs (login code, location) are unavailable. */
export const IS_H5 = PLATFORM === 'h5';

/** BFF origin without a trailing slash; '' means same origin (the H5 build served by the BFF). */
export const API_BASE: string = (process.env.TARO_APP_API_BASE ?? '').replace(/\/+$/, '');

/** Path prefix of every HTTP API call. */
export const API_PREFIX = '/api/v1';

/** How long one HTTP call may take before it is reported as a timeout, in milliseconds. */
export const REQUEST_TIMEOUT_MS = 15_000;

/** Products fetched per page of the home grid. */
export const PRODUCT_PAGE_SIZE = 20;

/** Orders fetched per page of 我的订单. */
export const ORDER_PAGE_SIZE = 10;

/** Days offered by the delivery slot picker (today included). */
export const SLOT_PICKER_DAYS = 7;

/** AMap web-service key for the mini-program's own geocoding; '' → the BFF's geocode endpoints. */
export const AMAP_KEY: string = process.env.TARO_APP_AMAP_KEY ?? '';

/** AMap web-service origin (what AMap's mini-program SDK calls). */
export const AMAP_API_BASE = 'https://restapi.amap.com';
