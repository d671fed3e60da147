// onnxruntime's WebAssembly compiled once and shared by a parallel run's workers (src/cli/ort-wasm.ts):
// while the models load, the instantiation of the very file compiled is answered from the shared
// module; other WebAssembly goes through untouched, and WebAssembly.instantiate is itself again after.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileOrtWasm, ortWasmFile, withOrtWasm } from '../../src/cli/ort-wasm';

const dir = mkdtempSync(join(tmpdir(), 'lastfour-ort-wasm-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The smallest valid module, with a custom section named `name` so two files differ. */
function tinyModule(name: string): Uint8Array<ArrayBuffer> {
  const section = [name.length, ...Buffer.from(name)];
  return new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 0, section.length, ...section]);
}

describe('withOrtWasm', () => {
  const file = join(dir, 'ort.wasm');
  writeFileSync(file, tinyModule('ort'));

  it("answers the compiled file's instantiation from the shared module", async () => {
    const wasm = await compileOrtWasm(file);
    // Emscripten hands over a view of the file's bytes.
    const bytes = tinyModule('ort');
    const result = await withOrtWasm(wasm, () => WebAssembly.instantiate(bytes));
    expect(result.module).toBe(wasm.module);
    expect(result.instance).toBeInstanceOf(WebAssembly.Instance);
  });

  it('compiles any other bytes as they are', async () => {
    const wasm = await compileOrtWasm(file);
    const result = await withOrtWasm(wasm, () => WebAssembly.instantiate(tinyModule('other')));
    expect(result.module).not.toBe(wasm.module);
    expect(WebAssembly.Module.customSections(result.module, 'other')).toHaveLength(1);
  });

  it('puts WebAssembly.instantiate back, also when the load fails', async () => {
    const before = WebAssembly.instantiate;
    const wasm = await compileOrtWasm(file);
    await expect(
      withOrtWasm(wasm, async () => {
        expect(WebAssembly.instantiate).not.toBe(before);
        throw new Error('model damaged');
      }),
    ).rejects.toThrow('model damaged');
    expect(WebAssembly.instantiate).toBe(before);
  });

  it('finds the onnxruntime-web file that Node loads', async () => {
    const wasm = await compileOrtWasm(ortWasmFile());
    expect(wasm.byteLength).toBeGreaterThan(1_000_000);
    expect(wasm.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
