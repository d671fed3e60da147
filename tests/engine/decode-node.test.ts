import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/engine/errors';
import { decodeImageNode, encodeImageNode } from '../../src/engine/platform/node';
import { badInputs, cardJpeg, motionTrailer, otherFormats } from '../support/bad-inputs';

const same = (a: Uint8ClampedArray, b: Uint8ClampedArray) => Buffer.from(a).equals(Buffer.from(b));

describe('decodeImageNode: bad input gets a clear message', () => {
  for (const { input, expect: message } of badInputs()) {
    it(`refuses ${input.name}`, async () => {
      const attempt = decodeImageNode(input.buffer);
      await expect(attempt).rejects.toBeInstanceOf(InputError);
      await expect(attempt).rejects.toThrow(message);
    });
  }

  for (const input of otherFormats()) {
    it(`decodes ${input.name}`, async () => {
      const img = await decodeImageNode(input.buffer);
      expect(img.width).toBeGreaterThan(16);
      expect(img.data.length).toBe(img.width * img.height * 4);
    });
  }

  it('accepts a JPEG or PNG with a motion-photo trailer after its end marker, when it decodes', async () => {
    const plain = await decodeImageNode(cardJpeg());
    const jpeg = await decodeImageNode(Buffer.concat([cardJpeg(), motionTrailer(300_000)]));
    expect(same(jpeg.data, plain.data)).toBe(true);
    const png = Buffer.from(await encodeImageNode(plain, 'png'));
    const withTrailer = await decodeImageNode(Buffer.concat([png, motionTrailer(300_000)]));
    expect(same(withTrailer.data, plain.data)).toBe(true);
    // Still refused when cut short, trailer or not.
    const cut = Buffer.concat([png.subarray(0, Math.floor(png.length / 2)), motionTrailer(1000)]);
    await expect(decodeImageNode(cut)).rejects.toMatchObject({ code: 'truncated' });
  });

  it('reads a picture of many bands (with transparency) exactly as one canvas would', async () => {
    // 3000 x 1200 = 3.6 MP: more than one decode band; half-transparent shapes show any band that
    // was drawn over what the previous one left on the reused canvas.
    const c = createCanvas(3000, 1200);
    const g = c.getContext('2d');
    for (let i = 0; i < 40; i++) {
      g.fillStyle = `rgba(${(i * 53) % 256}, ${(i * 97) % 256}, ${(i * 31) % 256}, ${0.2 + (i % 5) * 0.15})`;
      g.fillRect((i * 211) % 2800, (i * 137) % 1100, 300, 260);
    }
    const png = c.encodeSync('png');
    const whole = createCanvas(3000, 1200).getContext('2d');
    whole.drawImage(await loadImage(png), 0, 0);
    const expected = whole.getImageData(0, 0, 3000, 1200).data;
    const img = await decodeImageNode(png);
    expect([img.width, img.height]).toEqual([3000, 1200]);
    expect(same(img.data, new Uint8ClampedArray(expected.buffer, expected.byteOffset, expected.length))).toBe(
      true,
    );
  });

  it('decodes a card photo to RGBA at its full size', async () => {
    const img = await decodeImageNode(cardJpeg());
    expect([img.width, img.height]).toEqual([1078, 689]);
  });
});
