// The size the text detector sees a page at: shrunk to LINE_STAGE.detectorSide when larger, enlarged
// to it when smaller (a 224 px photo's print is too small for the detector as it is), and a caller's
// strip kept as it is when it asks.
import { describe, expect, it } from 'vitest';
import type { TextModels } from '../../src/engine/learned/models';
import { detectTextLines, LINE_STAGE } from '../../src/engine/learned/text-lines';
import type { GrayImage } from '../../src/engine/types';

function recordingModels(calls: { maxSide: number; minSide?: number }[]): TextModels {
  return {
    alphabet: [],
    async detect(_image, maxSide, minSide) {
      calls.push({ maxSide, minSide });
      return { width: 32, height: 32, data: new Float32Array(32 * 32), scaleX: 1, scaleY: 1 };
    },
    recognize: () => Promise.reject(new Error('not used')),
  };
}

const gray = (width: number, height: number): GrayImage => ({
  width,
  height,
  data: new Uint8Array(width * height),
});

describe('detectTextLines scale', () => {
  it('asks for a small page enlarged to the working side, and a large one shrunk to it', async () => {
    const calls: { maxSide: number; minSide?: number }[] = [];
    const models = recordingModels(calls);
    await detectTextLines(models, gray(224, 224));
    await detectTextLines(models, gray(4000, 3000));
    const side = LINE_STAGE.detectorSide;
    expect(calls).toEqual([
      { maxSide: side, minSide: side },
      { maxSide: side, minSide: side },
    ]);
  });

  it('keeps a strip at its own size when the caller gives it', async () => {
    const calls: { maxSide: number; minSide?: number }[] = [];
    await detectTextLines(recordingModels(calls), gray(300, 40), 300, 300);
    expect(calls).toEqual([{ maxSide: 300, minSide: 300 }]);
  });
});
