// The memory budget a photo must fit (src/engine/memory-budget.ts): what the app allows a device by
// the memory the browser reports, and the refusal with the picture's size.
import { describe, expect, it } from 'vitest';
import { MAX_PIXELS } from '../../src/engine/limits';
import { APP_BYTES_PER_PIXEL, assertFitsMemory, deviceMemoryBudget } from '../../src/engine/memory-budget';

const fits = (pixels: number, gb: number) => pixels * APP_BYTES_PER_PIXEL <= deviceMemoryBudget(gb)!;

describe('memory budget', () => {
  it('gives no budget when the browser does not say', () => {
    expect(deviceMemoryBudget(undefined)).toBeUndefined();
    expect(deviceMemoryBudget(0)).toBeUndefined();
    expect(() => assertFitsMemory(16_384, 3_906, APP_BYTES_PER_PIXEL, undefined)).not.toThrow();
  });

  it('only bites on devices reporting 1 GB or less: 2 GB holds the 64 MP input limit', () => {
    expect(fits(MAX_PIXELS, 2)).toBe(true);
    expect(fits(MAX_PIXELS, 1)).toBe(false);
    // 12 MP, a phone camera's default, fits in 512 MB; 20 MP does not.
    expect(fits(4032 * 3024, 0.5)).toBe(true);
    expect(fits(5000 * 4000, 0.5)).toBe(false);
  });

  it("refuses a picture over the budget as out-of-memory, with the picture's size", () => {
    expect(() => assertFitsMemory(5000, 4000, APP_BYTES_PER_PIXEL, deviceMemoryBudget(0.5))).toThrow(
      expect.objectContaining({ code: 'out-of-memory', params: { width: 5000, height: 4000 } }),
    );
    expect(() => assertFitsMemory(100, 100, 16, 160_000)).not.toThrow();
    expect(() => assertFitsMemory(100, 101, 16, 160_000)).toThrow(/Not enough memory.*100×101/);
  });
});
