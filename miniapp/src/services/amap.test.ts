import Taro from '@tarojs/taro';
import { reverseGeocode, searchPoi } from './amap';

const mockRequest = Taro.request as unknown as jest.Mock;
const answer = (data: unknown, statusCode = 200) =>
  mockRequest.mockResolvedValueOnce({ statusCode, data, header: {}, errMsg: 'request:ok' });

describe('AMap wrapper', () => {
  it('asks the BFF when no AMap key is built in', async () => {
    answer({
      lat: 31.2235,
      lng: 121.4456,
      formattedAddress: '上海市静安区南京西路',
      district: '静安区',
      poiName: '静安寺',
    });
    const place = await reverseGeocode({ lat: 31.2235, lng: 121.4456 }, '');
    expect(mockRequest.mock.calls[0][0].url).toContain('/api/v1/geo/regeo');
    expect(place).toMatchObject({ name: '静安寺', district: '静安区' });
  });

  it("uses AMap's web service with the key, and its GCJ-02 'lng,lat' locations", async () => {
    answer({
      status: '1',
      pois: [
        { name: '静安嘉里中心', address: '南京西路1515号', location: '121.448,31.2242', adname: '静安区' },
      ],
    });
    const places = await searchPoi('嘉里中心', '上海', 10, 'k-123');
    const url: string = mockRequest.mock.calls[0][0].url;
    expect(url).toContain('restapi.amap.com/v3/place/text');
    expect(url).toContain('key=k-123');
    expect(places[0]).toEqual({
      lat: 31.2242,
      lng: 121.448,
      name: '静安嘉里中心',
      address: '南京西路1515号',
      district: '静安区',
    });
  });

  it('falls back to the BFF when AMap answers with an error status', async () => {
    answer({ status: '0', info: 'DAILY_QUERY_OVER_LIMIT', infocode: '10003' });
    answer({ lat: 31.2, lng: 121.4, formattedAddress: '上海市黄浦区人民广场', district: '黄浦区' });
    const places = await searchPoi('人民广场', '上海', 10, 'k-123');
    expect(mockRequest.mock.calls[1][0].url).toContain('/api/v1/geo/geocode');
    expect(places).toHaveLength(1);
    expect(places[0].district).toBe('黄浦区');
  });

  it('reverse-geocodes through AMap with extensions=all and names the nearest POI', async () => {
    answer({
      status: '1',
      regeocode: {
        formatted_address: '上海市静安区南京西路1515号',
        addressComponent: { district: '静安区' },
        pois: [{ name: '嘉里中心' }],
      },
    });
    const place = await reverseGeocode({ lat: 31.2242, lng: 121.448 }, 'k-123');
    expect(mockRequest.mock.calls[0][0].url).toContain('location=121.448%2C31.2242');
    expect(place).toEqual({
      lat: 31.2242,
      lng: 121.448,
      name: '嘉里中心',
      address: '上海市静安区南京西路1515号',
      district: '静安区',
    });
  });

  it('returns nothing for an empty keyword without calling anyone', async () => {
    expect(await searchPoi('  ')).toEqual([]);
    expect(mockRequest).not.toHaveBeenCalled();
  });
});
