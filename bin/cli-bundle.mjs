// The CLI as plain JavaScript. Node 20 cannot strip TypeScript types, and tsx's loader hooks run on a
// thread of their own, one round trip per module: importing the engine's 200 modules that way took
// about a second in each worker of a run, before its first photo. So the CLI's two entry points (the
// main thread's and the workers') are bundled with esbuild (the bundler tsx and Vite already install)
// into node_modules/.cache/lastfour/cli-<hash of every file under src/ and of this file>/, once, and
// run from there: any change to a source file gives another folder, so a bundle never runs stale
// code. Packages stay outside the bundle and resolve from the project's node_modules as before.
// Anything that goes wrong here (no esbuild, a read-only install, LASTFOUR_NO_BUNDLE set) returns
// undefined, and the caller runs the TypeScript through tsx as before.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Bundles of older sources are removed once this old (a run may still be using one). */
const STALE_MS = 24 * 60 * 60 * 1000;

/** SHA-256 (16 hex) over every file under `root`/src (paths and bytes, in name order) and this file. */
export function sourceHash(root = ROOT) {
  const h = createHash('sha256');
  const walk = (dir) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else h.update(`${path.relative(root, p)}\0`).update(readFileSync(p));
    }
  };
  walk(path.join(root, 'src'));
  h.update(readFileSync(fileURLToPath(import.meta.url)));
  return h.digest('hex').slice(0, 16);
}

/**
 * The file URL of the bundled `main` entry of the project at `root` (src/cli/main.ts, with
 * src/cli/redact-worker.ts bundled beside it as redact-worker.mjs, where the worker pool looks for it,
 * and the chunks they share), built first if needed; or undefined when the CLI should run through tsx
 * instead. Never throws.
 */
export async function cliBundle(root = ROOT) {
  if (process.env.LASTFOUR_NO_BUNDLE) return undefined;
  try {
    const cache = path.join(root, 'node_modules', '.cache', 'lastfour');
    const dir = path.join(cache, `cli-${sourceHash(root)}`);
    const main = path.join(dir, 'main.mjs');
    if (!existsSync(main)) await build(root, cache, dir);
    return existsSync(main) ? pathToFileURL(main).href : undefined;
  } catch {
    return undefined;
  }
}

/** Builds both entries into a folder of their own, then renames it to `dir` (two runs may race). */
async function build(root, cache, dir) {
  const esbuild = await import('esbuild');
  const temp = `${dir}.${process.pid}-${Math.random().toString(36).slice(2)}.part`;
  try {
    await esbuild.build({
      absWorkingDir: root,
      entryPoints: { main: 'src/cli/main.ts', 'redact-worker': 'src/cli/redact-worker.ts' },
      outdir: temp,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      splitting: true,
      chunkNames: 'chunk-[hash]',
      logLevel: 'silent',
    });
    renameSync(temp, dir);
  } catch {
    // Another run renamed its copy first, or the build failed: the caller checks for main.mjs.
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  for (const e of readdirSync(cache)) {
    const p = path.join(cache, e);
    if (e.startsWith('cli-') && p !== dir && Date.now() - statSync(p).mtimeMs > STALE_MS)
      rmSync(p, { recursive: true, force: true });
  }
}
