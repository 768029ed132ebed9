import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { RoleLoginResponse } from '@omni/shared-types';
import { acceptInvite, codeFromParams, homeOf, isInviteCode } from '../../services/members';
import './index.scss';

const ROLE_TEXT: Record<string, string> = { courier: '骑手', staff: '店员', store_manager: '店长' };

/**
 * 员工/骑手绑定: the invite code from the store (typed, or from the QR code's `scene`/`code`),
 * bound to this WeChat account with a `wx.login` code; then straight to that role's workbench.
 */
export default function MemberBindPage() {
  const { params } = useRouter();
  const [code, setCode] = useState(() => codeFromParams(params).toUpperCase());
  const [busy, setBusy] = useState(false);
  const [bound, setBound] = useState<RoleLoginResponse | null>(null);
  const ready = isInviteCode(code) && !busy;

  const bind = async () => {
    if (!ready) return;
    setBusy(true);
    try {
      const answer = await acceptInvite(code);
      setBound(answer);
      void Taro.showToast({ title: '绑定成功', icon: 'success' });
      void Taro.redirectTo({ url: homeOf(answer.user.role) });
    } catch {
      // acceptInvite already told the user why.
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="member-bind">
      <Text className="member-bind__intro">
        输入店长发给你的 8 位邀请码（或扫描邀请二维码），绑定后即可用本微信登录门店工作台或骑手端。
      </Text>
      <Input
        className="member-bind__code"
        value={code}
        maxlength={10}
        placeholder="邀请码"
        onInput={(e) => setCode(e.detail.value.toUpperCase())}
        onConfirm={() => void bind()}
      />
      {/* No `loading` prop: Taro's H5 button spinner is an image on a remote CDN. */}
      <Button className="bind-button" disabled={!ready} onClick={() => void bind()}>
        {busy ? '绑定中…' : '绑定'}
      </Button>
      {bound && (
        <Text className="member-bind__done">
          已绑定为{ROLE_TEXT[bound.user.role] ?? bound.user.role}：
          {bound.roles.find((r) => r.role === bound.user.role)?.displayName ?? bound.user.nickname}
        </Text>
      )}
    </View>
  );
}
