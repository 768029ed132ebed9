import { currentFix, watchFix } from './device-location';

type Ok = (p: GeolocationPosition) => void;
type Err = (e: GeolocationPositionError) => void;

const PERMISSION_DENIED = 1;
const POSITION_UNAVAILABLE = 2;

function positionError(code: number): GeolocationPositionError {
  return {
    code,
    message: '',
    PERMISSION_DENIED: 1,
    POSITION_UNAVAILABLE: 2,
    TIMEOUT: 3,
  } as GeolocationPositionError;
}

function position(lat: number, lng: number): GeolocationPosition {
  return { coords: { latitude: lat, longitude: lng, accuracy: 12 }, timestamp: 0 } as GeolocationPosition;
}

let ok: Ok;
let err: Err;
const geolocation = {
  getCurrentPosition: jest.fn((o: Ok, e: Err) => {
    ok = o;
    err = e;
  }),
  watchPosition: jest.fn((o: Ok, e: Err) => {
    ok = o;
    err = e;
    return 42;
  }),
  clearWatch: jest.fn(),
};

beforeAll(() => {
  Object.defineProperty(navigator, 'geolocation', { value: geolocation, configurable: true });
});

describe('device location in the browser', () => {
  it('answers in WGS-84, as browsers measure', async () => {
    const fix = currentFix();
    ok(position(31.23, 121.47));
    await expect(fix).resolves.toEqual({ lat: 31.23, lng: 121.47, coord: 'wgs84', accuracyM: 12 });
  });

  it('rejects when the user denies the position', async () => {
    const fix = currentFix();
    err(positionError(PERMISSION_DENIED));
    await expect(fix).rejects.toMatchObject({ code: PERMISSION_DENIED });
  });

  it('keeps watching through a passing "position unavailable" but reports a denial', () => {
    const onFix = jest.fn();
    const onError = jest.fn();
    const stop = watchFix(onFix, onError);

    err(positionError(POSITION_UNAVAILABLE));
    expect(onError).not.toHaveBeenCalled();
    ok(position(31.24, 121.47));
    expect(onFix).toHaveBeenCalledWith({ lat: 31.24, lng: 121.47, coord: 'wgs84', accuracyM: 12 });

    err(positionError(PERMISSION_DENIED));
    expect(onError).toHaveBeenCalledTimes(1);
    stop();
    expect(geolocation.clearWatch).toHaveBeenCalledWith(42);
  });
});
