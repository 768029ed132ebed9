export default definePageConfig({
  navigationBarTitleText: '品牌官方商城',
  onReachBottomDistance: 200,
});
