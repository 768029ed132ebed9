import { extractFeatures } from './features';
import { canonicalize, toFeatureText } from './normalize';
import type { Segmenter } from './segmenter';

/** The text-to-features pipeline shared by training and classification, bound to one segmenter. */
export function createFeaturizer(segmenter: Segmenter): (text: string) => string[] {
  return (text: string) => {
    const canonical = canonicalize(text);
    const featureText = toFeatureText(canonical);
    if (featureText === '') return [];
    return extractFeatures(canonical, featureText, segmenter.cut(featureText));
  };
}
