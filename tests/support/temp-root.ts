// Vitest global setup: every temporary folder a test run makes (mkdtemp under os.tmpdir(), in the
// test workers and in the CLI runs they spawn) goes into one folder made for the run, removed when
// the run ends, so a run leaves nothing behind in the machine's /tmp. Test workers are started after
// the global setup and inherit its environment (TMPDIR, which os.tmpdir() reads on each call).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function setup(): () => void {
  const saved = process.env.TMPDIR;
  const root = mkdtempSync(path.join(os.tmpdir(), 'lastfour-test-run-'));
  process.env.TMPDIR = root;
  return () => {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
    rmSync(root, { recursive: true, force: true });
  };
}
