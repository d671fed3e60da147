// The run's temporary folders go into the folder tests/support/temp-root.ts makes and removes.
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';

it("makes the test run's temporary folders inside one folder of the run's own", () => {
  expect(path.basename(os.tmpdir())).toMatch(/^lastfour-test-run-/);
});
