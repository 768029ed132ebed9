export {
  amapSig,
  startAmapMock,
  type AmapMock,
  type AmapMockCall,
  type AmapMockFailures,
  type AmapMockOptions,
} from './amap-mock-server';
export { AMAP_INFO } from './amap-mock-answers';
export { MOCK_PLACES, type MockPlace } from './amap-mock-places';
