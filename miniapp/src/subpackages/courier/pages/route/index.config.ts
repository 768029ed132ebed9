export default definePageConfig({
  navigationBarTitleText: '今日路线',
  enablePullDownRefresh: true,
});
