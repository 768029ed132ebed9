import { resetTaroMock } from './__mocks__/taro';

beforeEach(() => {
  resetTaroMock();
});
