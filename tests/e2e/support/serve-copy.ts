// A copy of the built app with something broken in it (a model or OCR file damaged or missing),
// served like the real one (same config, so the same CSP headers).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preview, type PreviewServer } from 'vite';

/** Serves a copy of dist/ after `breakIt` changed it; returns the URL and a cleanup. */
export async function serveBrokenCopy(
  breakIt: (dir: string) => void,
): Promise<{ url: string; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'lastfour-dist-'));
  cpSync('dist', dir, { recursive: true });
  breakIt(dir);
  let server: PreviewServer | undefined;
  try {
    server = await preview({
      build: { outDir: dir },
      preview: { port: 0, strictPort: false, open: false },
      logLevel: 'warn',
    });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const s = server;
  return {
    url: s.resolvedUrls!.local[0],
    close: async () => {
      await s.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
