export default definePageConfig({
  navigationBarTitleText: '站点详情',
});
