import type { NluEntities, ParseContext } from '../nlu.types';
import { extractColors, extractProducts, extractSizes, extractSkinTypes, extractStores } from './catalog';
import { extractTimes } from './datetime';
import { extractOrderIds, extractPhones } from './identifiers';

/** All entities of one message (already canonicalised) against the caller's clock and catalogue. */
export function extractEntities(canonical: string, ctx: ParseContext): NluEntities {
  return {
    orderIds: extractOrderIds(canonical),
    phones: extractPhones(canonical),
    times: extractTimes(canonical, ctx.now),
    stores: extractStores(canonical, ctx.stores ?? []),
    products: extractProducts(canonical, ctx.products ?? []),
    skinTypes: extractSkinTypes(canonical),
    sizes: extractSizes(canonical),
    colors: extractColors(canonical),
  };
}
