import { API_BASE } from '../config';

/** Turns a BFF asset path ('/assets/products/SK-0001.svg') into a URL the platform can load. */
export function assetUrl(path: string): string {
  if (/^(https?:)?\/\//.test(path) || path.startsWith('data:')) return path;
  return `${API_BASE}${path.startsWith('/') ? '' : '/'}${path}`;
}
