import { MAX_SOURCE_BYTES, fitWithin, photoFileProblem } from './proof-photo';

describe('fitWithin', () => {
  it.each([
    [4032, 3024, { widthPx: 1280, heightPx: 960 }],
    [3024, 4032, { widthPx: 960, heightPx: 1280 }],
    [1280, 720, { widthPx: 1280, heightPx: 720 }],
    [800, 600, { widthPx: 800, heightPx: 600 }],
    [5000, 10, { widthPx: 1280, heightPx: 3 }],
  ])('fits %i×%i within 1280 px', (w, h, expected) => {
    expect(fitWithin(w, h)).toEqual(expected);
  });
});

describe('photoFileProblem', () => {
  it('takes a photo', () => {
    expect(photoFileProblem({ type: 'image/jpeg', size: 3_000_000 })).toBeNull();
    expect(photoFileProblem({ type: 'image/heic', size: 3_000_000 })).toBeNull();
  });
  it('refuses a file that is not an image', () => {
    expect(photoFileProblem({ type: 'application/pdf', size: 1000 })).toBe('请选择照片（图片文件）');
    expect(photoFileProblem({ type: '', size: 1000 })).toBe('请选择照片（图片文件）');
  });
  it('refuses a huge file before decoding it', () => {
    expect(photoFileProblem({ type: 'image/jpeg', size: MAX_SOURCE_BYTES + 1 })).toBe('照片太大，请重新拍摄');
  });
});
