export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/product/index',
    'pages/cart/index',
    'pages/me/index',
    'pages/checkout/index',
    'pages/orders/index',
    'pages/order-detail/index',
    'pages/stores/index',
    'pages/store-detail/index',
    'pages/chat/index',
    'pages/aftersales/index',
    'pages/aftersales/detail/index',
    'pages/aftersales/new/index',
  ],
  subPackages: [
    { root: 'subpackages/staff', pages: ['pages/inbox/index', 'pages/orders/index', 'pages/console/index'] },
    { root: 'subpackages/courier', pages: ['pages/route/index', 'pages/stop/index'] },
  ],
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '品牌官方商城',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f5f5',
  },
  tabBar: {
    color: '#8c8c8c',
    selectedColor: '#c2185b',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: 'pages/cart/index',
        text: '购物车',
        iconPath: 'assets/tab/cart.png',
        selectedIconPath: 'assets/tab/cart-active.png',
      },
      {
        pagePath: 'pages/stores/index',
        text: '门店',
        iconPath: 'assets/tab/stores.png',
        selectedIconPath: 'assets/tab/stores-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tab/me.png',
        selectedIconPath: 'assets/tab/me-active.png',
      },
    ],
  },
  permission: {
    'scope.userLocation': { desc: '用于展示离你最近的有货门店和自提门店，以及“我在路上”通知门店' },
  },
  requiredPrivateInfos: ['getLocation', 'chooseLocation', 'onLocationChange', 'startLocationUpdate'],
});
