// 409 VERSION_CONFLICT: someone saved the record since it was read. Say so and offer the fresh copy.
import { Modal } from 'antd';
import { isConflict } from './errors';

/** Shows "已被他人修改" when `err` is a version conflict (answers true), with 重新加载 calling `reload`. */
export function showConflict(err: unknown, reload: () => void): boolean {
  if (!isConflict(err)) return false;
  Modal.confirm({
    title: '已被他人修改',
    content: '这条记录在你编辑期间已被他人保存。重新加载以查看最新内容，再重新修改。',
    okText: '重新加载',
    cancelText: '取消',
    onOk: reload,
  });
  return true;
}
