// The CLI's words for bad usage (src/cli/main.ts): what is wrong comes first, then the usage line;
// the whole text only with --help. None of these start an engine.
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
