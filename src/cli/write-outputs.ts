// One input's outputs are written all or none, and never half: each goes to a temporary name beside
// it (.<name>.partial-<pid>), and only when every one is written are they renamed into place, one
// after the other with nothing in between (no signal handler can run there). A run cancelled or
// failing before that point leaves none of them; a renamed output is always whole.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

export interface Output {
  file: string;
  data: Uint8Array | string;
}

const SUFFIX = `.partial-${process.pid}`;
const partialName = (file: string) => path.join(path.dirname(file), `.${path.basename(file)}${SUFFIX}`);

/**
 * Writes `outputs` (paths in one run's output folder). Throws the abort reason, writing nothing, if
 * `signal` fires before they are renamed into place; a failed write removes what was written.
 */
export async function writeOutputs(outputs: readonly Output[], signal?: AbortSignal): Promise<void> {
  const temps = outputs.map((o) => partialName(o.file));
  try {
    for (const [i, o] of outputs.entries()) {
      signal?.throwIfAborted();
      await fsp.writeFile(temps[i], o.data);
    }
    signal?.throwIfAborted();
    // A rename replaces an old output's directory entry: its old bytes are never rewritten in place.
    for (const [i, o] of outputs.entries()) fs.renameSync(temps[i], o.file);
  } finally {
    for (const t of temps) fs.rmSync(t, { force: true });
  }
}

/**
 * Removes the temporary files of outputs being written into `outDir` by this process (its worker
 * threads included), for a run that must end at once.
 */
export function removePartialOutputs(outDir: string): void {
  let names: string[] = [];
  try {
    names = fs.readdirSync(outDir);
  } catch {
    return;
  }
  for (const name of names)
    if (name.startsWith('.') && name.endsWith(SUFFIX)) fs.rmSync(path.join(outDir, name), { force: true });
}
