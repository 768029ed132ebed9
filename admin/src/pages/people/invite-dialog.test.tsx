import { TextEncoder } from 'node:util';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import type { CreateInviteResponse } from '@omni/shared-types';
import { AuthProvider } from '../../auth/AuthContext';
import { mockFetch, type Call } from '../../../test/mockFetch';
import { InvitesTab } from './invites-tab';

// qrcode encodes its text with TextEncoder, which jsdom lacks.
(globalThis as { TextEncoder?: unknown }).TextEncoder ??= TextEncoder;

const STORES = {
  items: [{ id: 3, code: 'SH-03', name: '徐汇店' }],
  total: 1,
  page: 1,
  pageSize: 200,
};
const EMPTY = { items: [], total: 0, page: 1, pageSize: 20 };

function signIn(user: object, storeId?: number) {
  localStorage.setItem('omni.admin.token', 't');
  localStorage.setItem('omni.admin.user', JSON.stringify(user));
  if (storeId) localStorage.setItem('omni.admin.storeId', String(storeId));
}

function renderTab(onWrite: (c: Call) => [number, unknown]) {
  const f = mockFetch((c) => {
    if (c.method === 'GET' && c.url.includes('/admin/stores')) return [200, STORES];
    if (c.method === 'GET' && c.url.includes('/admin/invites')) return [200, EMPTY];
    return onWrite(c);
  });
  render(
    <App>
      <AuthProvider>
        <InvitesTab />
      </AuthProvider>
    </App>,
  );
  return f;
}

const created: CreateInviteResponse = {
  id: 7,
  code: 'K7M2Q9XD',
  expiresAt: '2030-01-04T02:00:00.000Z',
  scene: 'pages/member-bind/index?code=K7M2Q9XD',
  role: 'courier',
  storeId: 3,
  name: '王小明',
};

describe('invite dialog', () => {
  let restore = () => undefined as void;
  afterEach(() => {
    restore();
    localStorage.clear();
  });

  it('creates an invite and shows its code, expiry and a QR code of the bind page', async () => {
    signIn({ id: 1, username: 'boss', role: 'admin' }, 3);
    const f = renderTab((c) => (c.method === 'POST' ? [201, created] : [404, {}]));
    restore = f.restore;
    fireEvent.click(await screen.findByRole('button', { name: /创建邀请/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('姓名'), { target: { value: ' 王小明 ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /创\s*建/ }));

    expect(await screen.findByText('邀请已创建')).toBeInTheDocument();
    expect(screen.getByLabelText('邀请码')).toHaveTextContent('K7M2 Q9XD');
    expect(screen.getByText('2030-01-04 10:00:00')).toBeInTheDocument();
    expect(screen.queryByText('二维码生成失败，请使用邀请码')).not.toBeInTheDocument();
    const qr = await screen.findByRole('img', { name: '小程序邀请二维码' }, { timeout: 5000 });
    expect(qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(screen.getByText(/pages\/member-bind\/index\?code=K7M2Q9XD/)).toBeInTheDocument();

    const post = f.calls.find((c) => c.method === 'POST')!;
    expect(post.url).toBe('/api/v1/admin/invites');
    expect(post.body).toEqual({ role: 'courier', name: '王小明', storeId: 3, ttlH: 72 });
  });

  it('needs a name before sending, and shows the API’s field error next to its field', async () => {
    signIn({ id: 1, username: 'boss', role: 'admin' }, 3);
    const f = renderTab(() => [
      400,
      {
        error: {
          code: 'VALIDATION_FAILED',
          message: '邀请参数无效: storeId',
          details: { fields: [{ path: 'storeId', message: 'required for staff' }] },
        },
      },
    ]);
    restore = f.restore;
    fireEvent.click(await screen.findByRole('button', { name: /创建邀请/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: /创\s*建/ }));
    expect(await within(dialog).findByText('请填写姓名')).toBeInTheDocument();
    expect(f.calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    fireEvent.change(within(dialog).getByLabelText('姓名'), { target: { value: '李四' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /创\s*建/ }));
    const msg = await within(dialog).findByText('请选择门店');
    expect(msg.closest('.ant-form-item')).toHaveTextContent('门店');
    expect(screen.queryByText('邀请已创建')).not.toBeInTheDocument();
  });

  it('gives a store manager its own store and no store-manager invites', async () => {
    signIn({ id: 2, username: 'mgr', role: 'store_manager', storeId: 3 });
    const f = renderTab(() => [201, { ...created, role: 'staff' }]);
    restore = f.restore;
    fireEvent.click(await screen.findByRole('button', { name: /创建邀请/ }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText('徐汇店')).toBeInTheDocument();
    fireEvent.mouseDown(within(dialog).getByLabelText('身份'));
    await waitFor(() => expect(screen.getAllByText('店员').length).toBeGreaterThan(0));
    expect(screen.queryByTitle('店长')).not.toBeInTheDocument();
    fireEvent.change(within(dialog).getByLabelText('姓名'), { target: { value: '赵六' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /创\s*建/ }));
    await screen.findByText('邀请已创建');
    expect(f.calls.find((c) => c.method === 'POST')!.body).toEqual({
      role: 'courier',
      name: '赵六',
      ttlH: 72,
    });
  });
});
