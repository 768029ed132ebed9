import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { ADDRESS_LIMITS, ADDRESS_TAGS, charCount, CreateAddressBody, type LatLng } from '@omni/shared-types';
import { ActionButton } from '../../../components/action-button';
import { StateView } from '../../../components/state-view';
import { IS_H5 } from '../../../config';
import { addressFieldErrors, createAddress, getAddress, updateAddress } from '../../../services/addresses';
import { geocode } from '../../../services/geo';
import { ApiError, messageFor } from '../../../services/request';
import '../index.scss';

interface Draft {
  contactName: string;
  phone: string;
  address: string;
  detail: string;
  tag: string;
  isDefault: boolean;
  point: LatLng | null;
  resolved: string | null;
}

const EMPTY: Draft = {
  contactName: '',
  phone: '',
  address: '',
  detail: '',
  tag: '',
  isDefault: false,
  point: null,
  resolved: null,
};

const errorText = (err: unknown) => (err instanceof ApiError ? err.message : messageFor('INTERNAL'));

/** The error under one field, when there is one. */
function FieldError(props: { field: string; message?: string }) {
  return props.message ? (
    <Text className="address-field-error" data-field={props.field}>
      {props.message}
    </Text>
  ) : null;
}

/** A label with the field's limit beside it, e.g. 地址 · 最多 120 字 (and the count so far). */
function Label(props: { text: string; value?: string; max?: number }) {
  const { text, value, max } = props;
  return (
    <View className="address-field__label">
      <Text>{text}</Text>
      {max !== undefined && (
        <Text
          className={`address-field-limit${value !== undefined && charCount(value.trim()) > max ? ' address-field-limit--over' : ''}`}
        >
          最多 {max} 字{value ? `（${charCount(value.trim())}/${max}）` : ''}
        </Text>
      )}
    </View>
  );
}

/** 新增/编辑收货地址 (`?id=` edits): contact, phone, located address, door number, tag, default. */
export default function AddressEditPage() {
  const { params } = useRouter();
  const id = Number(params.id ?? 0) || null;
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [wasDefault, setWasDefault] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(id === null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [locating, setLocating] = useState(false);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (id === null) return;
    getAddress(id)
      .then((a) => {
        setDraft({
          contactName: a.contactName,
          phone: a.phone,
          address: a.address,
          detail: a.detail ?? '',
          tag: a.tag ?? '',
          isDefault: a.isDefault,
          point: { lat: a.lat, lng: a.lng },
          resolved: a.address,
        });
        setWasDefault(a.isDefault);
        setLoaded(true);
      })
      .catch((err: unknown) => setLoadError(errorText(err)));
  }, [id]);

  const patch = (p: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...p }));
    setErrors((e) => {
      const next = { ...e };
      for (const k of Object.keys(p)) delete next[k];
      if ('point' in p) delete next.lat;
      return next;
    });
  };

  const locate = async () => {
    const text = draft.address.trim();
    if (charCount(text) < 2) {
      setErrors((e) => ({ ...e, address: '请先填写地址，例如：静安寺、南京西路 1515 号' }));
      return;
    }
    setLocating(true);
    try {
      const hit = await geocode(text);
      patch({ point: { lat: hit.lat, lng: hit.lng }, resolved: hit.formattedAddress });
    } catch (err) {
      patch({ point: null, resolved: null });
      setErrors((e) => ({ ...e, address: errorText(err) }));
    } finally {
      setLocating(false);
    }
  };

  const chooseOnMap = async () => {
    try {
      const picked = await Taro.chooseLocation({});
      patch({
        address: picked.name || picked.address,
        resolved: picked.address || picked.name,
        point: { lat: picked.latitude, lng: picked.longitude },
      });
    } catch (err) {
      if (!/cancel/i.test((err as { errMsg?: string })?.errMsg ?? '')) {
        setErrors((e) => ({ ...e, address: '无法打开地图选点，请直接输入地址后点「定位」' }));
      }
    }
  };

  const save = async () => {
    setFormError(null);
    const body = {
      contactName: draft.contactName,
      phone: draft.phone,
      address: draft.address,
      detail: draft.detail,
      tag: draft.tag,
      lat: draft.point?.lat ?? Number.NaN,
      lng: draft.point?.lng ?? Number.NaN,
      coord: 'gcj02' as const,
      ...(draft.isDefault && !wasDefault ? { isDefault: true } : {}),
    };
    const local = CreateAddressBody.safeParse(body);
    const found = local.success ? {} : addressFieldErrors(local.error);
    if (!draft.point) found.lat = '请点击「定位」确认地址位置';
    if (Object.keys(found).length) {
      setErrors(found);
      return;
    }
    setSaving(true);
    try {
      if (id === null) await createAddress(local.data!);
      else await updateAddress(id, local.data!);
      void Taro.showToast({ title: '地址已保存', icon: 'success' });
      void Taro.navigateBack();
    } catch (err) {
      const fields = addressFieldErrors(err);
      setErrors(fields);
      if (!Object.keys(fields).length) setFormError(errorText(err));
    } finally {
      setSaving(false);
    }
  };

  if (loadError) return <StateView kind="error" message={loadError} />;
  if (!loaded) return <StateView kind="loading" message="正在加载地址…" />;

  const customTag = (ADDRESS_TAGS as readonly string[]).includes(draft.tag) ? '' : draft.tag;
  return (
    <View className="address-edit-page">
      <View className="address-form-card">
        <View className="address-field">
          <Label text="收货人" value={draft.contactName} max={ADDRESS_LIMITS.contactName} />
          <Input
            className="address-name-input address-field__input"
            value={draft.contactName}
            placeholder="姓名"
            maxlength={100}
            onInput={(e) => patch({ contactName: e.detail.value })}
          />
          <FieldError field="contactName" message={errors.contactName} />
        </View>
        <View className="address-field">
          <Label text="手机号" />
          <Input
            className="address-phone-input address-field__input"
            type={IS_H5 ? 'text' : 'number'}
            value={draft.phone}
            placeholder="11 位中国大陆手机号"
            maxlength={11}
            onInput={(e) => patch({ phone: e.detail.value.replace(/\D/g, '') })}
          />
          <FieldError field="phone" message={errors.phone} />
        </View>
        <View className="address-field">
          <Label text="地址" value={draft.address} max={ADDRESS_LIMITS.address} />
          <View className="address-field__row">
            <Input
              className="address-address-input address-field__input"
              value={draft.address}
              placeholder="小区、写字楼或路名"
              maxlength={300}
              onInput={(e) => patch({ address: e.detail.value, point: null, resolved: null })}
              onConfirm={() => void locate()}
            />
            <ActionButton
              className="address-locate"
              kind="primary"
              size="small"
              disabled={locating}
              onClick={() => void locate()}
            >
              {locating ? '定位中' : '定位'}
            </ActionButton>
          </View>
          {!IS_H5 && (
            <View className="address-choose-on-map" onClick={() => void chooseOnMap()}>
              在地图上选择
            </View>
          )}
          {draft.point && draft.resolved && <Text className="address-located">已定位：{draft.resolved}</Text>}
          <FieldError field="address" message={errors.address ?? errors.lat ?? errors.lng} />
        </View>
        <View className="address-field">
          <Label text="门牌号" value={draft.detail} max={ADDRESS_LIMITS.detail} />
          <Input
            className="address-room-input address-field__input"
            value={draft.detail}
            placeholder="楼栋、单元、门牌号（选填）"
            maxlength={200}
            onInput={(e) => patch({ detail: e.detail.value })}
          />
          <FieldError field="detail" message={errors.detail} />
        </View>
        <View className="address-field">
          <Label text="标签" value={customTag} max={ADDRESS_LIMITS.tag} />
          <View className="address-tags">
            {ADDRESS_TAGS.map((t) => (
              <View
                key={t}
                className={`address-tag${draft.tag === t ? ' address-tag--active' : ''}`}
                data-tag={t}
                onClick={() => patch({ tag: draft.tag === t ? '' : t })}
              >
                {t}
              </View>
            ))}
            <Input
              className="address-tag-input"
              value={customTag}
              placeholder="其他"
              maxlength={40}
              onInput={(e) => patch({ tag: e.detail.value })}
            />
          </View>
          <FieldError field="tag" message={errors.tag} />
        </View>
        <View className="address-field address-field--switch">
          <View className="address-field__label">
            <Text>设为默认地址</Text>
            {wasDefault && (
              <Text className="address-field-limit">默认地址不能取消，可把其他地址设为默认</Text>
            )}
          </View>
          <View
            className={`address-default-switch${draft.isDefault ? ' address-default-switch--on' : ''}${wasDefault ? ' address-default-switch--locked' : ''}`}
            onClick={() => {
              if (!wasDefault) patch({ isDefault: !draft.isDefault });
            }}
          >
            <View className="address-default-switch__knob" />
          </View>
        </View>
      </View>
      {formError && <View className="address-form-error">{formError}</View>}
      <View className="addresses__bar">
        <ActionButton
          className="address-save"
          kind="primary"
          block
          disabled={saving}
          onClick={() => void save()}
        >
          {saving ? '保存中…' : '保存'}
        </ActionButton>
      </View>
    </View>
  );
}
