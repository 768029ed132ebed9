import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import type { DispatchBoard } from '@omni/shared-types';
import { AuthProvider } from '../../auth/AuthContext';
import { shDate } from '../../components/format';
import { mockFetch } from '../../../test/mockFetch';
import { board } from './fixtures';
import DispatchPage from './index';

const mockSocket = {
  handlers: {} as Record<string, (...a: unknown[]) => void>,
  on(event: string, fn: (...a: unknown[]) => void) {
    this.handlers[event] = fn;
    return this;
  },
  emit: jest.fn(),
  removeAllListeners: jest.fn(),
  disconnect: jest.fn(),
};
jest.mock('socket.io-client', () => ({ io: jest.fn(() => mockSocket) }));

describe('DispatchPage', () => {
  let restore = () => undefined as void;
  const today: DispatchBoard = { ...board, date: shDate() };
  beforeEach(() => {
    localStorage.setItem('omni.admin.token', 't');
    localStorage.setItem(
      'omni.admin.user',
      JSON.stringify({ id: 2, username: 'mgr', role: 'store_manager', storeId: 1 }),
    );
  });
  afterEach(() => {
    restore();
    localStorage.clear();
  });

  const renderPage = () =>
    render(
      <App>
        <AuthProvider>
          <DispatchPage />
        </AuthProvider>
      </App>,
    );

  const moved = (): DispatchBoard => ({
    ...today,
    version: 3,
    routes: [
      { ...today.routes[0], stops: [{ ...today.routes[0].stops[1], seq: 1 }] },
      {
        courierId: 6,
        courierName: '骑手乙',
        distanceKm: 2,
        stops: [{ ...today.routes[0].stops[0], seq: 1 }],
      },
    ],
  });

  it('reassigns a stop with 改派给 and redraws the answered board', async () => {
    const f = mockFetch(({ url }) => {
      if (url.includes('/admin/dispatch/reassign')) return [200, moved()];
      if (url.includes('/admin/dispatch')) return [200, today];
      return [200, { items: [], total: 0, page: 1, pageSize: 200 }];
    });
    restore = f.restore;
    renderPage();
    const select = await screen.findByLabelText('改派 O1', undefined, { timeout: 5000 });
    fireEvent.mouseDown(select);
    const option = await waitFor(() => {
      const el = document.querySelector('.ant-select-item-option[title="骑手乙"]');
      if (!el) throw new Error('no option yet');
      return el as HTMLElement;
    });
    fireEvent.click(option);
    await waitFor(() => expect(within(screen.getByTestId('courier-6')).getByText('O1')).toBeInTheDocument());
    expect(f.calls.find((c) => c.url.endsWith('/admin/dispatch/reassign'))?.body).toEqual({
      date: shDate(),
      storeId: 1,
      orderId: 201,
      courierId: 6,
    });
    // The store's live positions are watched over socket.io.
    mockSocket.handlers.connect();
    expect(mockSocket.emit).toHaveBeenCalledWith('dispatch:watch', { storeId: 1 }, expect.any(Function));
  });

  it('reassigns an order dropped on another courier and shows the refusal of the BFF', async () => {
    const f = mockFetch(({ url }) => {
      if (url.includes('/admin/dispatch/reassign'))
        return [
          409,
          { error: { code: 'COURIER_UNAVAILABLE', message: '骑手正在配送途中，回店后才能接新单' } },
        ];
      if (url.includes('/admin/dispatch')) return [200, today];
      return [200, { items: [], total: 0, page: 1, pageSize: 200 }];
    });
    restore = f.restore;
    renderPage();
    const row = await screen.findByTestId('unassigned-300', undefined, { timeout: 5000 });
    const data: Record<string, string> = {};
    const dataTransfer = {
      setData: (k: string, v: string) => (data[k] = v),
      getData: (k: string) => data[k] ?? '',
      effectAllowed: '',
      dropEffect: '',
    };
    fireEvent.dragStart(row, { dataTransfer });
    const target = screen.getByTestId('courier-6');
    fireEvent.dragOver(target, { dataTransfer });
    fireEvent.drop(target, { dataTransfer });
    expect(await screen.findByText('改派失败：骑手正在配送途中，回店后才能接新单')).toBeInTheDocument();
    expect(f.calls.find((c) => c.url.endsWith('/admin/dispatch/reassign'))?.body).toEqual({
      date: shDate(),
      storeId: 1,
      orderId: 300,
      courierId: 6,
    });
  });
});
