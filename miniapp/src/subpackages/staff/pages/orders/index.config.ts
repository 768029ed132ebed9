export default definePageConfig({
  navigationBarTitleText: '自提订单',
});
