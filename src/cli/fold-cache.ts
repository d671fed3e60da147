// The folded models (engine/learned/fold-affine.ts) kept between CLI runs. Folding decodes and
// re-encodes 15 MB of protobuf in each worker of every run: 0.3 to 0.8 s of CPU per worker before the
// first photo (the recognizer's first fold in a fresh process is the slow one). A folded copy is
// written once into the cache folder, named by what it was made from and by what it holds:
//   <model>-<sha-256 of the shipped file, 16 hex>-f<FOLD_VERSION>-<sha-256 of the folded file, 16 hex>.onnx
// and read back only when its own bytes still hash to the name: a copy that was cut short, damaged or
// made by another fold is never handed to onnxruntime (which would fail, and the run fall back to
// Tesseract alone). Anything the cache cannot do (no folder, no write access) only costs the fold.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FOLD_VERSION, foldAffineLayers } from '../engine/learned/fold-affine';

const hex16 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

/**
 * `bytes` (a shipped model file) folded, from `cacheDir` when an earlier run left a sound copy there,
 * else folded now and left there for the next run (written to a temporary name, then renamed, so two
 * workers folding at once never leave half a file). `name` goes into the file name only. Never throws
 * for the cache's sake; `cacheDir` undefined folds every time.
 */
export async function foldedModel(bytes: Uint8Array, name: string, cacheDir?: string): Promise<Uint8Array> {
  if (!cacheDir) return foldAffineLayers(bytes).bytes;
  const prefix = `${name}-${hex16(bytes)}-f${FOLD_VERSION}-`;
  const cached = await readSound(cacheDir, prefix);
  if (cached) return cached;
  const folded = foldAffineLayers(bytes).bytes;
  // Nothing folded (no model, or one of another make: the fold hands the same bytes back): nothing
  // worth keeping.
  if (folded === bytes) return folded;
  try {
    await mkdir(cacheDir, { recursive: true });
    const file = path.join(cacheDir, `${prefix}${hex16(folded)}.onnx`);
    const temp = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}.part`;
    await writeFile(temp, folded);
    await rename(temp, file);
  } catch {
    // A read-only install: the next run folds again.
  }
  return folded;
}

/** The cached file starting with `prefix` whose bytes hash to the rest of its name, if there is one. */
async function readSound(cacheDir: string, prefix: string): Promise<Uint8Array | undefined> {
  let names: string[];
  try {
    names = await readdir(cacheDir);
  } catch {
    return undefined;
  }
  for (const n of names.filter((f) => f.startsWith(prefix) && f.endsWith('.onnx'))) {
    try {
      const bytes = new Uint8Array(await readFile(path.join(cacheDir, n)));
      if (hex16(bytes) === n.slice(prefix.length, -'.onnx'.length)) return bytes;
    } catch {
      // Gone or unreadable: folded again below.
    }
  }
  return undefined;
}

/**
 * Where the CLI keeps folded models: `node_modules/.cache/lastfour` of the install that holds the
 * models (the convention of find-cache-dir, babel and eslint; `npm ci` clears it with the models), or
 * LASTFOUR_CACHE_DIR. Undefined (fold every run) when `modelDir` is in no node_modules folder.
 */
export function foldCacheDir(modelDir: string): string | undefined {
  if (process.env.LASTFOUR_CACHE_DIR) return process.env.LASTFOUR_CACHE_DIR;
  const parts = path.resolve(modelDir).split(path.sep);
  const at = parts.lastIndexOf('node_modules');
  return at < 0
    ? undefined
    : path.join(parts.slice(0, at + 1).join(path.sep) || path.sep, '.cache', 'lastfour');
}
