// Node only (CLI, tests, bench): zxing-wasm's reader wasm read from node_modules, never from a CDN.
// The worker must not import this file; it passes a same-origin URL to createZxingReader instead.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BarcodeReader } from './barcode';
import { createZxingReader } from './zxing';

export function zxingReaderWasmPath(): string {
  return createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
}

export function createZxingReaderNode(): Promise<BarcodeReader> {
  const bytes = readFileSync(zxingReaderWasmPath());
  const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return createZxingReader({ wasmBinary });
}
