import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { LatLng } from '@omni/shared-types';
import { IS_H5 } from '../../config';
import { geocode } from '../../services/geo';
import { ApiError, messageFor } from '../../services/request';

/** The delivery address being filled in; `point` is GCJ-02 and set only once the address is located. */
export interface AddressDraft {
  contactName: string;
  phone: string;
  address: string;
  detail: string;
  point: LatLng | null;
  /** What the map or the geocoder understood the address as. */
  resolved: string | null;
}

/** An empty address form. */
export const EMPTY_ADDRESS: AddressDraft = {
  contactName: '',
  phone: '',
  address: '',
  detail: '',
  point: null,
  resolved: null,
};

/** A mainland mobile number, as the BFF requires. */
export const PHONE_PATTERN = /^1\d{10}$/;

/** Limits of the typed address, in characters, as the BFF checks them (nothing is cut silently). */
export const ADDRESS_LIMITS = { contactName: 32, address: 120, detail: 60 } as const;

/** Characters as people count them (an emoji or a rare 汉字 is one, not two UTF-16 units). */
export const charCount = (text: string): number => [...text].length;

/** The first over-long field of a typed address, as a message; null when all fit. */
export function overLimit(value: { contactName: string; address: string; detail: string }): string | null {
  const names = { contactName: '收货人', address: '地址', detail: '门牌号' } as const;
  for (const key of ['contactName', 'address', 'detail'] as const) {
    const extra = charCount(value[key].trim()) - ADDRESS_LIMITS[key];
    if (extra > 0) return `${names[key]}最多 ${ADDRESS_LIMITS[key]} 字，请删减 ${extra} 字`;
  }
  return null;
}

/** 收货信息: contact, phone, and an address located by WeChat's map picker or by the geocoder (定位). */
export function AddressForm(props: {
  value: AddressDraft;
  onChange: (patch: Partial<AddressDraft>) => void;
}) {
  const { value, onChange } = props;
  const [locating, setLocating] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const locate = async () => {
    const text = value.address.trim();
    if (text.length < 2) {
      setError('请先填写收货地址，例如：静安寺、南京西路 1515 号');
      return;
    }
    setLocating(true);
    setError(null);
    try {
      const hit = await geocode(text);
      onChange({ point: { lat: hit.lat, lng: hit.lng }, resolved: hit.formattedAddress });
    } catch (err) {
      onChange({ point: null, resolved: null });
      setError(err instanceof ApiError ? err.message : messageFor('INTERNAL'));
    } finally {
      setLocating(false);
    }
  };

  const chooseOnMap = async () => {
    try {
      const picked = await Taro.chooseLocation({});
      setError(null);
      onChange({
        address: picked.name || picked.address,
        resolved: picked.address || picked.name,
        point: { lat: picked.latitude, lng: picked.longitude },
      });
    } catch (err) {
      if (!/cancel/i.test((err as { errMsg?: string })?.errMsg ?? '')) {
        setError('无法打开地图选点，请直接输入地址后点「定位」');
      }
    }
  };

  const phoneBad = value.phone.length > 0 && !PHONE_PATTERN.test(value.phone);
  const tooLong = overLimit(value);
  return (
    <View className="address-form">
      <View className="form-row">
        <Text className="form-row__label">收货人</Text>
        <Input
          className="contact-name-input form-row__input"
          value={value.contactName}
          placeholder="姓名"
          maxlength={ADDRESS_LIMITS.contactName * 2}
          onInput={(e) => onChange({ contactName: e.detail.value })}
        />
      </View>
      <View className="form-row">
        <Text className="form-row__label">手机号</Text>
        <Input
          className="phone-input form-row__input"
          type={IS_H5 ? 'text' : 'number'}
          value={value.phone}
          placeholder="11 位手机号"
          maxlength={11}
          onInput={(e) => onChange({ phone: e.detail.value.replace(/\D/g, '') })}
        />
      </View>
      {phoneBad && <Text className="form-row__error">请输入 11 位手机号</Text>}
      <View className="form-row">
        <Text className="form-row__label">地址</Text>
        <Input
          className="address-input form-row__input"
          value={value.address}
          placeholder="小区、写字楼或路名"
          maxlength={ADDRESS_LIMITS.address * 2}
          onInput={(e) => onChange({ address: e.detail.value, point: null, resolved: null })}
          onConfirm={() => void locate()}
        />
        <Button className="geocode-button" size="mini" disabled={locating} onClick={() => void locate()}>
          {locating ? '定位中' : '定位'}
        </Button>
      </View>
      {!IS_H5 && (
        <View className="choose-location-button" onClick={() => void chooseOnMap()}>
          在地图上选择收货地址
        </View>
      )}
      <View className="form-row">
        <Text className="form-row__label">门牌号</Text>
        <Input
          className="address-detail-input form-row__input"
          value={value.detail}
          placeholder="楼栋、单元、门牌号（选填）"
          maxlength={ADDRESS_LIMITS.detail * 2}
          onInput={(e) => onChange({ detail: e.detail.value })}
        />
      </View>
      <Text className={`address-limit${tooLong ? ' address-limit--over' : ''}`}>
        {tooLong ??
          `地址 ${charCount(value.address)}/${ADDRESS_LIMITS.address} 字 · 门牌号最多 ${ADDRESS_LIMITS.detail} 字`}
      </Text>
      {value.point && value.resolved && <Text className="address-resolved">已定位：{value.resolved}</Text>}
      {error && <Text className="address-error">{error}</Text>}
    </View>
  );
}
