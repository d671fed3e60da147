// The CLI runs from an esbuild bundle of its sources (bin/cli-bundle.mjs): one per version of src/,
// never a stale one, and through tsx as before wherever no bundle can be built.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript (it runs before any TypeScript loader), no declarations
import { cliBundle, sourceHash } from '../../bin/cli-bundle.mjs';

const ROOT = path.resolve(fileURLToPath(import.meta.url), '../../..');
const BIN = path.join(ROOT, 'bin', 'lastfour.mjs');
const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

/** A project folder with a src/ of its own (and the real node_modules, for esbuild). */
function fakeProject(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'lastfour-bundle-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

describe('cliBundle', () => {
  const saved = process.env.LASTFOUR_NO_BUNDLE;
  afterEach(() => {
    if (saved === undefined) delete process.env.LASTFOUR_NO_BUNDLE;
    else process.env.LASTFOUR_NO_BUNDLE = saved;
  });

  it("bundles the project's CLI beside its worker entry, in a folder named by its sources", async () => {
    delete process.env.LASTFOUR_NO_BUNDLE;
    const url = (await cliBundle()) as string;
    const main = fileURLToPath(url);
    expect(path.basename(path.dirname(main))).toBe(`cli-${sourceHash()}`);
    expect(existsSync(path.join(path.dirname(main), 'redact-worker.mjs'))).toBe(true);
    // The CLI run from it knows its own package (found upwards from the bundle).
    const run = `import(${JSON.stringify(url)}).then((m) => m.main(['--version']))`;
    expect(execFileSync('node', ['--input-type=module', '-e', run], { encoding: 'utf8' })).toBe(
      `lastfour ${version}\n`,
    );
  });

  it('gives another folder for any change to a file under src/, the same for the same files', () => {
    const root = fakeProject({ 'src/a.ts': 'export const a = 1;\n', 'src/b/c.ts': 'export const c = 2;\n' });
    const before = sourceHash(root);
    expect(sourceHash(root)).toBe(before);
    writeFileSync(path.join(root, 'src/b/c.ts'), 'export const c = 3;\n');
    expect(sourceHash(root)).not.toBe(before);
    writeFileSync(path.join(root, 'src/b/c.ts'), 'export const c = 2;\n');
    expect(sourceHash(root)).toBe(before);
    writeFileSync(path.join(root, 'src/d.ts'), '');
    expect(sourceHash(root)).not.toBe(before);
  });

  it('is undefined (the caller runs tsx) when the sources do not build, or LASTFOUR_NO_BUNDLE is set', async () => {
    delete process.env.LASTFOUR_NO_BUNDLE;
    const root = fakeProject({
      'src/cli/main.ts': 'import { gone } from "./nowhere";\nexport const main = gone;\n',
    });
    cpSync(path.join(ROOT, 'package.json'), path.join(root, 'package.json'));
    expect(await cliBundle(root)).toBeUndefined();
    process.env.LASTFOUR_NO_BUNDLE = '1';
    expect(await cliBundle()).toBeUndefined();
    // The CLI through tsx, as before the bundle.
    const env = { ...process.env, LASTFOUR_NO_BUNDLE: '1' };
    expect(execFileSync('node', [BIN, '--version'], { encoding: 'utf8', env })).toBe(`lastfour ${version}\n`);
  });
});
