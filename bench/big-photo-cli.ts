// One CLI run on a photo, in its own process so its peak memory is its own (big-photo.ts starts it):
//   node --expose-gc --import tsx bench/big-photo-cli.ts PHOTO OUT_DIR [SOURCE_ROOT]
// SOURCE_ROOT (default: this checkout) lets the same measurement run against another tree of the
// code, e.g. the code before a change. Prints one JSON line: seconds, peak RSS, the largest canvas.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [photo, outDir, root = process.cwd()] = process.argv.slice(2);
// Every canvas the code makes in Node comes from @napi-rs/canvas's createCanvas: count them before
// the code under test imports the module (its ESM view is made from these exports on first import).
const napi = createRequire(path.join(root, 'package.json'))('@napi-rs/canvas') as {
  createCanvas: (w: number, h: number) => unknown;
};
const original = napi.createCanvas;
let largest = { width: 0, height: 0 };
napi.createCanvas = (w: number, h: number) => {
  if (w * h > largest.width * largest.height) largest = { width: w, height: h };
  return original(w, h);
};
// Peak RSS: the kernel's high-water mark for this process (resourceUsage().maxRSS, KiB).
const { main } = (await import(pathToFileURL(path.join(root, 'src/cli/main.ts')).href)) as {
  main: (argv: string[]) => Promise<number>;
};
const t0 = performance.now();
const code = await main(['redact', photo, '--out', outDir]);
const seconds = (performance.now() - t0) / 1000;
console.log(
  JSON.stringify({
    exit: code,
    seconds: +seconds.toFixed(2),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    largestCanvas: { ...largest, pixels: largest.width * largest.height },
  }),
);
process.exit(0);
