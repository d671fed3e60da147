// Ctrl-C (SIGINT) and SIGTERM during `lastfour redact`: the first signal cancels the run the way the
// app's Clear all does (every running analysis job is aborted and its pixels freed), so the files
// being read end as 'cancelled', nothing of theirs is written, files not started are not started,
// and finished files stay. The exit code is then the shell's 128 + the signal's number (130, 143),
// so scripts and `make` see an interrupted run. A second signal exits at once: what was being
// written is removed first (write-outputs.ts), so no half-written output is left either way.
import { removePartialOutputs } from './write-outputs';

const SIGNALS = { SIGINT: 2, SIGTERM: 15 } as const;
type SignalName = keyof typeof SIGNALS;

export interface Interrupt {
  /** Fires on the first signal. */
  signal: AbortSignal;
  /** 128 + the signal's number once one came (130 for SIGINT, 143 for SIGTERM); undefined before. */
  exitCode(): number | undefined;
  /** Stops listening (the run is over), unless a signal came. */
  dispose(): void;
}

/** Listens for SIGINT and SIGTERM for the length of a run writing into `outDir`. */
export function listenForInterrupt(outDir: string): Interrupt {
  const controller = new AbortController();
  let received: SignalName | undefined;
  const on = (name: SignalName) => () => {
    if (received) {
      removePartialOutputs(outDir);
      process.exit(128 + SIGNALS[name]);
    }
    received = name;
    controller.abort(new DOMException(`interrupted by ${name}`, 'AbortError'));
  };
  const handlers = (Object.keys(SIGNALS) as SignalName[]).map((name) => [name, on(name)] as const);
  for (const [name, handler] of handlers) process.on(name, handler);
  return {
    signal: controller.signal,
    exitCode: () => (received ? 128 + SIGNALS[received] : undefined),
    // Once interrupted the process is ending: a further signal while it winds down still exits at once.
    dispose: () => {
      if (!received) handlers.forEach(([name, handler]) => process.off(name, handler));
    },
  };
}
