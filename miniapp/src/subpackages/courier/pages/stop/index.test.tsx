import Taro from '@tarojs/taro';
import { fireEvent, render, waitFor } from '@testing-library/react';
import { setRouterParams } from '../../../../../test/__mocks__/taro';
import { courierRoute, courierSession, courierStop } from '../../test-fixtures';
import { compressPhoto } from '../../services/proof-photo';
import StopPage from '.';

jest.mock('../../services/proof-photo', () => ({
  ...jest.requireActual('../../services/proof-photo'),
  compressPhoto: jest.fn(),
}));

const mockRequest = Taro.request as unknown as jest.Mock;

function reply(statusCode: number, data: unknown) {
  return Promise.resolve({ statusCode, data, header: {}, errMsg: 'request:ok' });
}

const stop = courierStop({ stopId: 31, seq: 2, customerName: '王小美' });
const route = courierRoute([courierStop({ stopId: 30, seq: 1 }), stop]);

beforeEach(() => {
  mockRequest.mockReset();
  Object.assign(Taro, {
    makePhoneCall: jest.fn(() => Promise.resolve({ errMsg: 'makePhoneCall:ok' })),
    openLocation: jest.fn(() => Promise.resolve({ errMsg: 'openLocation:ok' })),
  });
  Taro.setStorageSync('omni.courier-session', courierSession(1));
  setRouterParams({ id: '31', date: '2026-11-26' });
});

function input(container: HTMLElement, value: string) {
  fireEvent.change(container.querySelector('.delivery-code-input')!, { target: { value } });
}

describe('站点详情', () => {
  it('shows the customer, calls and navigates with GCJ-02 coordinates', async () => {
    mockRequest.mockImplementation(() => reply(200, route));
    const { container, findByText } = render(<StopPage />);
    expect(await findByText('王小美')).toBeTruthy();
    expect(container.querySelector('.stop-phone')?.textContent).toBe('138****8000');
    expect(container.querySelector('.stop-window')?.textContent).toBe('时段 14:00-16:00');
    fireEvent.click(container.querySelector('.call-button')!);
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '138****8000' });
    fireEvent.click(container.querySelector('.navigate-button')!);
    expect(Taro.openLocation).toHaveBeenCalledWith(
      expect.objectContaining({ latitude: stop.lat, longitude: stop.lng, address: stop.address }),
    );
  });

  it('delivers with the customer code and shows 已送达', async () => {
    mockRequest.mockImplementation((opts: { url: string }) =>
      opts.url.includes('/deliver')
        ? reply(200, { stop: { ...stop, status: 'delivered' }, replayed: false })
        : reply(200, route),
    );
    const { container, findByText } = render(<StopPage />);
    await findByText('王小美');
    const deliver = container.querySelector('.stop-deliver') as HTMLButtonElement;
    input(container, '12a');
    expect(deliver.disabled).toBe(true);
    input(container, '4821');
    fireEvent.click(deliver);
    expect(await findByText('已送达，辛苦了')).toBeTruthy();
    const call = mockRequest.mock.calls.find(([o]) => String(o.url).includes('/deliver'))![0];
    expect(call.url).toBe('/api/v1/courier/stops/31/deliver');
    expect(call.data).toMatchObject({ proof: { type: 'code', code: '4821' } });
    expect(call.data.clientEventId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });

  it('shows a wrong code and lets the courier try again', async () => {
    mockRequest.mockImplementation((opts: { url: string }) =>
      opts.url.includes('/deliver')
        ? reply(422, { error: { code: 'DELIVERY_CODE_INVALID', message: '收货码不正确' } })
        : reply(200, route),
    );
    const { container, findByText } = render(<StopPage />);
    await findByText('王小美');
    input(container, '0000');
    fireEvent.click(container.querySelector('.stop-deliver')!);
    expect(await findByText('收货码不正确，请向顾客核对')).toBeTruthy();
    expect(container.querySelector('.stop-deliver')).not.toBeNull();
    expect(Taro.getStorageSync('omni.courier-queue.1')).toEqual([]);
  });

  it('keeps an offline delivery on the device and shows it as delivered, to be synced', async () => {
    Taro.setStorageSync('omni.courier-route.1.2026-11-26', route);
    mockRequest.mockImplementation(() => Promise.reject({ errMsg: 'request:fail' }));
    const { container, findByText } = render(<StopPage />);
    await findByText('王小美');
    input(container, '4821');
    fireEvent.click(container.querySelector('.stop-deliver')!);
    expect(await findByText('网络不给力，已保存在本机，恢复网络后自动同步')).toBeTruthy();
    expect(container.querySelector('.stop-status')?.textContent).toBe('已送达');
    expect(container.querySelector('.stop-sync')).not.toBeNull();
    expect(Taro.getStorageSync('omni.courier-queue.1')).toEqual([
      expect.objectContaining({ kind: 'deliver', stopId: 31, proof: { type: 'code', code: '4821' } }),
    ]);
  });

  it('records a failed delivery with the chosen reason', async () => {
    mockRequest.mockImplementation((opts: { url: string }) =>
      opts.url.includes('/fail')
        ? reply(200, { stop: { ...stop, status: 'failed', failReason: '顾客拒收' }, replayed: false })
        : reply(200, route),
    );
    const { container, findByText } = render(<StopPage />);
    await findByText('王小美');
    fireEvent.click(container.querySelector('.stop-fail')!);
    const confirm = container.querySelector('.fail-confirm') as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.click(container.querySelector('.fail-reason[data-reason="顾客拒收"]')!);
    fireEvent.click(confirm);
    expect(await findByText('已记录配送失败')).toBeTruthy();
    const call = mockRequest.mock.calls.find(([o]) => String(o.url).includes('/fail'))![0];
    expect(call.data).toMatchObject({ reason: '顾客拒收' });
    await waitFor(() =>
      expect(container.querySelector('.stop-fail-reason')?.textContent).toBe('失败原因：顾客拒收'),
    );
  });
  it('shows how many tries are left after a wrong code, beside the field', async () => {
    mockRequest.mockImplementation((opts: { url: string }) =>
      opts.url.includes('/deliver')
        ? reply(422, {
            error: { code: 'DELIVERY_CODE_INVALID', message: '收货码不正确', details: { attemptsLeft: 3 } },
          })
        : reply(200, route),
    );
    const { container, findByText } = render(<StopPage />);
    await findByText('王小美');
    expect(container.querySelector('.delivery-code-input')?.getAttribute('maxlength')).toBe('4');
    input(container, '0000');
    fireEvent.click(container.querySelector('.stop-deliver')!);
    expect(await findByText('收货码不正确，还可以再试 3 次')).toBeTruthy();
    expect(container.querySelector('.delivery-code-error')?.textContent).toBe(
      '收货码不正确，还可以再试 3 次',
    );
  });

  it('locks the code after the BFF says so: 已锁定，请联系门店, call the store, still 送达失败', async () => {
    mockRequest.mockImplementation((opts: { url: string }) =>
      opts.url.includes('/deliver')
        ? reply(423, {
            error: {
              code: 'DELIVERY_CODE_LOCKED',
              message: '收货码错误次数过多，已锁定，请联系门店',
              details: { attemptsLeft: 0, storeName: '静安嘉里中心店', storePhone: '021-62880001' },
            },
          })
        : reply(200, route),
    );
    const { container, findByText } = render(<StopPage />);
    await findByText('王小美');
    input(container, '4821');
    fireEvent.click(container.querySelector('.stop-deliver')!);
    expect(await findByText('已锁定，请联系门店')).toBeTruthy();
    expect(container.querySelector('.delivery-code-input')).toBeNull();
    expect(container.querySelector('.stop-deliver')).toBeNull();
    fireEvent.click(container.querySelector('.call-store-button')!);
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '021-62880001' });
    expect(container.querySelector('.stop-fail')).not.toBeNull();
  });

  it('opens a stop whose code is already locked with the store phone from the route', async () => {
    const locked = courierRoute([courierStop({ stopId: 30, seq: 1 }), { ...stop, codeAttemptsLeft: 0 }], {
      store: { id: 1, name: '静安嘉里中心店', lat: 31.2245, lng: 121.4461, phone: '021-62880001' },
    });
    mockRequest.mockImplementation(() => reply(200, locked));
    const { container, findByText } = render(<StopPage />);
    expect(await findByText('已锁定，请联系门店')).toBeTruthy();
    expect(container.querySelector('.call-store-button')?.textContent).toContain('021-62880001');
  });

  it('refuses a file that is not a photo before uploading anything', async () => {
    mockRequest.mockImplementation(() => reply(200, route));
    const { container, findByText } = render(<StopPage />);
    await findByText('王小美');
    const picker = container.querySelector('.proof-photo-input') as HTMLInputElement;
    expect(picker.getAttribute('accept')).toBe('image/*');
    expect(picker.getAttribute('capture')).toBe('environment');
    const pdf = new File(['%PDF-1.4'], 'receipt.pdf', { type: 'application/pdf' });
    fireEvent.change(picker, { target: { files: [pdf] } });
    expect(await findByText('请选择照片（图片文件）')).toBeTruthy();
    expect(compressPhoto).not.toHaveBeenCalled();
    expect(mockRequest.mock.calls.some(([o]) => String(o.url).includes('/uploads'))).toBe(false);
  });

  it('compresses a camera photo, uploads it as JPEG and delivers with it', async () => {
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]).buffer;
    jest.mocked(compressPhoto).mockResolvedValue(jpeg);
    mockRequest.mockImplementation((opts: { url: string }) =>
      opts.url.includes('/uploads')
        ? reply(201, { photoId: 'photo-0001', sizeBytes: 7 })
        : opts.url.includes('/deliver')
          ? reply(200, { stop: { ...stop, status: 'delivered' }, replayed: false })
          : reply(200, route),
    );
    const { container, findByText } = render(<StopPage />);
    await findByText('王小美');
    const photo = new File([new Uint8Array(5_000_000)], 'IMG_0001.HEIC', { type: 'image/heic' });
    fireEvent.change(container.querySelector('.proof-photo-input')!, { target: { files: [photo] } });
    expect(await findByText('已送达，辛苦了')).toBeTruthy();
    expect(compressPhoto).toHaveBeenCalledWith(photo);
    const upload = mockRequest.mock.calls.find(([o]) => String(o.url).includes('/uploads'))![0];
    expect(upload.header['Content-Type']).toBe('image/jpeg');
    expect(upload.data).toBe(jpeg);
    const call = mockRequest.mock.calls.find(([o]) => String(o.url).includes('/deliver'))![0];
    expect(call.data).toMatchObject({ proof: { type: 'photo', photoId: 'photo-0001' } });
  });
});
