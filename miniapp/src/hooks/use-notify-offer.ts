import { useEffect, useState } from 'react';
import type { NotifyScene } from '@omni/shared-types';
import { loadOffer, type NotifyOffer } from '../services/notify';

/**
 * The subscription templates to ask for at `scene`, fetched once when the page opens (so a tap can
 * ask at once) and kept for the page's life. Null while loading, and while `signedIn` is false.
 * `token` is a staff/courier bearer token; without it the shopper's session is used.
 */
export function useNotifyOffer(scene: NotifyScene, signedIn: boolean, token?: string): NotifyOffer | null {
  const [offer, setOffer] = useState<NotifyOffer | null>(null);
  useEffect(() => {
    setOffer(null);
    if (!signedIn) return undefined;
    let live = true;
    void loadOffer(scene, token).then((o) => {
      if (live) setOffer(o);
    });
    return () => {
      live = false;
    };
  }, [scene, signedIn, token]);
  return offer;
}
