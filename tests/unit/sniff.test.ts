import { describe, expect, it } from 'vitest';
import { isTruncated, readImageSize, sniffImageType } from '../../src/engine/image/sniff';
import { cardJpeg, hugeBlankPng, motionTrailer } from '../support/bad-inputs';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('sniffImageType', () => {
  it('judges by content, not name', () => {
    expect(sniffImageType(new Uint8Array())).toBe('empty');
    expect(sniffImageType(cardJpeg())).toBe('jpeg');
    expect(sniffImageType(hugeBlankPng(20, 20))).toBe('png');
    expect(sniffImageType(bytes('GIF89a......'))).toBe('gif');
    expect(sniffImageType(bytes('%PDF-1.7\n'))).toBe('pdf');
    expect(sniffImageType(bytes('  <?xml version="1.0"?><svg xmlns="x"/>'))).toBe('svg');
    expect(sniffImageType(bytes('\0\0\0\x1cftypheic\0\0\0\0mif1heic'))).toBe('heic');
    expect(sniffImageType(bytes('\0\0\0\x1cftypavif\0\0\0\0avifmif1'))).toBe('avif');
    expect(sniffImageType(bytes('hello world'))).toBe('unknown');
  });
});

describe('readImageSize reads the declared size without decoding', () => {
  it('PNG from IHDR, even for a 100-megapixel bomb', () => {
    expect(readImageSize(hugeBlankPng(10_000, 10_000))).toEqual({ width: 10_000, height: 10_000 });
  });
  it('JPEG from its SOF marker', () => {
    expect(readImageSize(cardJpeg())).toEqual({ width: 1078, height: 689 });
  });
  it('undefined for what it does not understand', () => {
    expect(readImageSize(bytes('not an image'))).toBeUndefined();
  });
});

describe('isTruncated', () => {
  it('accepts whole files and trailing data after the end marker', () => {
    const jpeg = cardJpeg();
    expect(isTruncated(jpeg)).toBe(false);
    expect(isTruncated(Buffer.concat([jpeg, Buffer.from('appended motion-photo data \xff\xda')]))).toBe(
      false,
    );
    expect(isTruncated(hugeBlankPng(30, 30))).toBe(false);
    // A PNG with a vendor trailer longer than the old 64-byte tail check.
    expect(isTruncated(Buffer.concat([hugeBlankPng(30, 30), motionTrailer(100_000)]))).toBe(false);
  });
  it('flags files cut short', () => {
    const jpeg = cardJpeg();
    for (const f of [0.1, 0.5, 0.99])
      expect(isTruncated(jpeg.subarray(0, Math.floor(jpeg.length * f)))).toBe(true);
    const png = hugeBlankPng(30, 30);
    expect(isTruncated(png.subarray(0, png.length - 12))).toBe(true);
    // Cut inside the image data: the trailer after the cut does not make it whole.
    expect(isTruncated(Buffer.concat([png.subarray(0, 60), motionTrailer(5000)]))).toBe(true);
  });
});
