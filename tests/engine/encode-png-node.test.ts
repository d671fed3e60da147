import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { decodeImageNode, encodeImageNode } from '../../src/engine/platform/node';
import { cardJpeg } from '../support/bad-inputs';

/** The chunk types of a PNG file, in order. */
function chunkTypes(png: Uint8Array): string[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const types: string[] = [];
  for (let at = 8; at < png.length;) {
    const length = view.getUint32(at);
    types.push(String.fromCharCode(...png.subarray(at + 4, at + 8)));
    at += 12 + length;
  }
  return types;
}

describe('encodeImageNode: PNG', () => {
  it('writes the photo losslessly: decoding the file gives back every pixel', async () => {
    const photo = await decodeImageNode(cardJpeg());
    const png = await encodeImageNode(photo, 'png');
    const back = await decodeImageNode(png);
    expect([back.width, back.height]).toEqual([photo.width, photo.height]);
    expect(Buffer.from(back.data).equals(Buffer.from(photo.data))).toBe(true);
  });

  it('keeps transparency exactly, as 8-bit RGBA', async () => {
    const width = 37;
    const height = 11;
    const data = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < data.length; i++) data[i] = (i * 73 + (i >> 5)) % 256;
    const png = await encodeImageNode({ width, height, data }, 'png');
    const read = PNG.sync.read(Buffer.from(png));
    expect([read.width, read.height, png[24], png[25]]).toEqual([width, height, 8, 6]);
    expect(read.data.equals(Buffer.from(data))).toBe(true);
  });

  it('writes pixels only: no text, time, EXIF or colour-profile chunks', async () => {
    const png = await encodeImageNode(await decodeImageNode(cardJpeg()), 'png');
    expect(chunkTypes(png).filter((t) => t !== 'IDAT')).toEqual(['IHDR', 'IEND']);
  });
});
