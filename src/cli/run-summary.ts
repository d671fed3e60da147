// The end of a run over several files: how many were redacted, and which outputs need a look by eye
// and why, so a user who redacted a folder need not scroll back through every file's lines.
import type { FileOutcome } from './run-settings';

/**
 * The summary printed on stderr after a run over `files` (input order, as the outcomes), or '' for
 * a single file (its own lines say it all). Counts the files redacted (and those among them with
 * nothing masked) and failed, then names each one to look at: a failed input with the reason its
 * error line gave, a flagged output with `FileOutcome.toCheck`, and an output with nothing masked
 * (a number the detector missed leaves no other trace).
 */
export function runSummary(files: readonly string[], outcomes: readonly FileOutcome[]): string {
  if (outcomes.length < 2) return '';
  const failed = outcomes.filter((o) => o.failed).length;
  const bare = (o: FileOutcome) => !o.failed && o.masked === 0;
  const nothing = outcomes.filter(bare).length;
  const redacted = `${outcomes.length - failed} redacted${nothing ? ` (${nothing} with nothing masked)` : ''}`;
  const head = `lastfour: ${outcomes.length} files: ${redacted}${failed ? `, ${failed} failed` : ''}`;
  const lines = outcomes.flatMap((o, i) => {
    if (o.failed) return [`  ${files[i]}: failed (${fieldOf(o, 'error') ?? 'see above'})`];
    const output = fieldOf(o, 'output') ?? files[i];
    if (o.toCheck?.length) return [`  ${output}: ${o.toCheck.join('; ')}`];
    if (bare(o)) return [`  ${output}: nothing masked (no number found)`];
    return [];
  });
  if (!lines.length) return `${head}; nothing flagged\n`;
  const look = lines.length - failed;
  const check = look ? `; look at ${look} by eye` : '';
  return `${head}${check}:\n${lines.join('\n')}\n`;
}

/** A string field of a file's report entry ({ output } or { error }), if it has one. */
function fieldOf(o: FileOutcome, key: 'output' | 'error'): string | undefined {
  const v = (o.entry as Record<string, unknown> | undefined)?.[key];
  return typeof v === 'string' ? v : undefined;
}
