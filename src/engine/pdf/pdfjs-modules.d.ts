// pdf.js ships no typings for its worker modules; we only read WorkerMessageHandler from them, to run
// pdf.js's "fake worker" in the thread that imports it (see platform-worker.ts).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
