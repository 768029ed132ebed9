export default definePageConfig({
  navigationBarTitleText: '员工/骑手绑定',
});
