// The CLI's words for bad usage (src/cli/main.ts): what is wrong comes first, then the usage line;
// the whole text only with --help. None of these start an engine.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main';

/** main(argv)'s exit code and what it wrote to stdout and stderr. */
async function run(argv: string[]) {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((t) => ((out += String(t)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((t) => ((err += String(t)), true));
  const code = await main(argv);
  vi.restoreAllMocks();
  return { code, out, err };
}

afterEach(() => vi.restoreAllMocks());

describe('lastfour usage errors', () => {
  it.each([
    [[], 'no command given'],
    [['redact'], 'no input files given'],
    [['redact', 'a.jpg'], '--out <dir> is required'],
    [['scan', 'a.jpg', '--out', 'o'], 'unknown command "scan"'],
    [['redact', 'a.jpg', '--out', 'o', '--bogus'], 'unknown option --bogus'],
    [
      ['redact', 'a.jpg', '--out', 'o', '--model-runtime', 'gpu'],
      '--model-runtime must be one of native, wasm',
    ],
  ])('%j says what is wrong, then the usage line, with exit code 2', async (argv, words) => {
    const { code, err, out } = await run(argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    const [first, second, third] = err.split('\n');
    expect(first.startsWith('lastfour: ')).toBe(true);
    expect(first).toContain(words);
    expect(second).toMatch(/^usage: lastfour redact <files\.\.\.> --out <dir>/);
    expect(third).toBe('Run "lastfour --help" for every option.');
    // The long help is for --help alone.
    expect(err).not.toContain('Exit codes');
  });

  it.each([
    ['--keep', 'last5', '--keep must be last4, first6 or none, not "last5"'],
    ['--format', 'gif', '--format must be png, jpeg or webp, not "gif"'],
  ])('names the wrong value of %s alone, with exit code 2', async (option, value, words) => {
    const { code, err, out } = await run(['redact', 'a.jpg', '--out', 'o', option, value]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(`lastfour: ${words}\n`);
  });

  it('refuses a wrong LASTFOUR_MODEL_RUNTIME as it refuses a wrong --model-runtime, naming the variable', async () => {
    process.env.LASTFOUR_MODEL_RUNTIME = 'WASM';
    try {
      const { code, err } = await run(['redact', 'a.jpg', '--out', 'o']);
      expect(code).toBe(2);
      expect(err.split('\n')[0]).toBe(
        'lastfour: LASTFOUR_MODEL_RUNTIME must be one of native, wasm, not "WASM"',
      );
      // The flag, when given, is what counts.
      expect((await run(['redact', 'a.jpg', '--out', 'o', '--model-runtime', 'gpu'])).err).toMatch(
        /^lastfour: --model-runtime must be one of native, wasm\n/,
      );
    } finally {
      delete process.env.LASTFOUR_MODEL_RUNTIME;
    }
  });

  it('says --out names a file, with exit code 2 and no stack trace, before reading any input', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lastfour-out-'));
    const file = path.join(dir, 'taken');
    writeFileSync(file, 'not a folder');
    try {
      for (const out of [file, path.join(file, 'inside')]) {
        const r = await run(['redact', 'missing.jpg', '--out', out, '--json']);
        expect(r.code).toBe(2);
        expect(r.err).toBe(
          `lastfour: --out ${out} is a file (or inside one), not a folder: name a folder for the redacted copies\n`,
        );
        expect(JSON.parse(r.out)).toEqual([{ error: r.err.slice('lastfour: '.length, -1) }]);
      }
      expect(readFileSync(file, 'utf8')).toBe('not a folder');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists every option on a line of its own under --help', async () => {
    const { code, out } = await run(['--help']);
    expect(code).toBe(0);
    for (const option of [
      '--out <dir>',
      '--keep',
      '--format',
      '--json',
      '--strict',
      '--jobs',
      '--trace',
      '--version',
    ])
      expect(out).toMatch(new RegExp(`^ {2}(-\\w, )?${option.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}`, 'm'));
  });

  it('prints the version from package.json', async () => {
    const { code, out } = await run(['--version']);
    expect(code).toBe(0);
    expect(out).toMatch(/^lastfour \d+\.\d+\.\d+\n$/);
  });
});
