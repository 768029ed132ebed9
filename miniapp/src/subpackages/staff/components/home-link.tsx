import Taro from '@tarojs/taro';
import { Text } from '@tarojs/components';
import './home-link.scss';

/** Route of 门店工作台, as `getCurrentPages()` names it. */
export const STAFF_HOME_ROUTE = 'subpackages/staff/pages/home/index';

/** Back to 门店工作台: down the page stack when it is there, otherwise in place of this page. */
export function backToStaffHome(): void {
  const pages = Taro.getCurrentPages();
  const routes = pages.map((p) => (p.route ?? '').replace(/^\//, '').split('?')[0]);
  const at = routes.lastIndexOf(STAFF_HOME_ROUTE);
  if (at >= 0 && at < pages.length - 1) void Taro.navigateBack({ delta: pages.length - 1 - at });
  else void Taro.redirectTo({ url: `/${STAFF_HOME_ROUTE}` });
}

/** ‹ 工作台: the way back to 门店工作台 from every staff page. */
export function StaffHomeLink() {
  return (
    <Text className="staff-home-link" onClick={backToStaffHome}>
      ‹ 工作台
    </Text>
  );
}
