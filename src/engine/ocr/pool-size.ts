/**
 * How many tesseract workers a device should run: one per core up to four (each is one
 * single-threaded wasm instance of ~40-80 MB while reading), fewer where the device reports little
 * memory (`navigator.deviceMemory`, GB, rounded by the browser: 0.25 ... 8). Cores and memory come
 * from navigator.hardwareConcurrency / deviceMemory in the app and from os in the CLI.
 */
export function ocrPoolSize(device: { cores?: number; memoryGb?: number }): number {
  const byCores = Math.max(1, Math.min(4, Math.floor(device.cores ?? 1)));
  if (device.memoryGb === undefined || !(device.memoryGb > 0)) return byCores;
  // <=1 GB: one worker; 2 GB: two; 4 GB: three; 8 GB and more: four.
  const byMemory = device.memoryGb <= 1 ? 1 : Math.min(4, 1 + Math.floor(Math.log2(device.memoryGb)));
  return Math.min(byCores, byMemory);
}
