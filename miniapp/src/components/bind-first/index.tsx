import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ActionButton } from '../action-button';
import './index.scss';

const WHO = { courier: '骑手', staff: '门店' } as const;

/**
 * What a workbench shows in the mini-program to someone not signed in as that role: bind with an
 * invite code first, then switch role in 我的. (The store and courier pickers are demo-only, H5.)
 */
export function BindFirst(props: { role: keyof typeof WHO }) {
  const who = WHO[props.role];
  return (
    <View className="bind-first">
      <Text className="bind-first__title">还没有以{who}身份登录</Text>
      <Text className="bind-first__hint">
        请向店长或管理员索取邀请码，在「我的 → 员工/骑手绑定」完成绑定；已绑定的，在「我的」切换到{who}身份。
      </Text>
      <View className="bind-first__actions">
        <ActionButton
          kind="primary"
          className="bind-first-go"
          onClick={() => void Taro.navigateTo({ url: '/pages/member-bind/index' })}
        >
          去绑定
        </ActionButton>
        <ActionButton
          className="bind-first-me"
          onClick={() => void Taro.switchTab({ url: '/pages/me/index' })}
        >
          返回我的
        </ActionButton>
      </View>
    </View>
  );
}
