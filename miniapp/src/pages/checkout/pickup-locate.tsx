import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { LatLng } from '@omni/shared-types';
import { geocode } from '../../services/geo';
import { ApiError, messageFor } from '../../services/request';

/** 自提: where the buyer is (typed and located), so stores can be sorted by distance. */
export function PickupLocate(props: {
  resolved: string | null;
  onLocated: (address: string, point: LatLng, resolved: string) => void;
}) {
  const { resolved, onLocated } = props;
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const locate = async () => {
    if (text.trim().length < 2 || busy) return;
    setBusy(true);
    setError(null);
    try {
      const hit = await geocode(text);
      onLocated(text.trim(), { lat: hit.lat, lng: hit.lng }, hit.formattedAddress);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : messageFor('INTERNAL'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="pickup-locate">
      <View className="form-row">
        <Input
          className="pickup-locate-input form-row__input"
          value={text}
          placeholder={resolved ? `附近：${resolved}` : '输入你所在的位置，按距离排序门店'}
          maxlength={120}
          onInput={(e) => setText(e.detail.value)}
          onConfirm={() => void locate()}
        />
        <Button
          className="geocode-button pickup-locate-button"
          size="mini"
          disabled={busy}
          onClick={() => void locate()}
        >
          {busy ? '定位中' : '定位'}
        </Button>
      </View>
      {error && <Text className="address-error">{error}</Text>}
    </View>
  );
}
