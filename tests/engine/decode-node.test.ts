import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/engine/errors';
import { decodeImageNode } from '../../src/engine/platform/node';
import { badInputs, cardJpeg, otherFormats } from '../support/bad-inputs';

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

  it('decodes a card photo to RGBA at its full size', async () => {
    const img = await decodeImageNode(cardJpeg());
    expect([img.width, img.height]).toEqual([1078, 689]);
  });
});
