import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { openChat } from '../../services/support';

/** 我的 menu rows: 联系客服 (the chat) and 我的售后 (the customer's cases). */
export function SupportEntry() {
  return (
    <>
      <View className="contact-support me__menu-item" onClick={() => void openChat()}>
        <Text>联系客服</Text>
        <Text className="me__menu-arrow">›</Text>
      </View>
      <View
        className="my-aftersales me__menu-item"
        onClick={() => void Taro.navigateTo({ url: '/pages/aftersales/index' })}
      >
        <Text>我的售后</Text>
        <Text className="me__menu-arrow">›</Text>
      </View>
    </>
  );
}
