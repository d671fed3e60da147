// The end of a run over several files: how many were redacted, and which outputs need a look by eye
// and why, so a user who redacted a folder need not scroll back through every file's lines.
import type { FileOutcome } from './run-settings';

/**
 * The summary printed on stderr after a run over `files` (input order, as the outcomes), or '' for
 * a single file (its own lines say it all). Lists each file that failed (with the reason its error
 * line gave) or was flagged (with `FileOutcome.toCheck`).
 */
export function runSummary(files: readonly string[], outcomes: readonly FileOutcome[]): string {
  if (outcomes.length < 2) return '';
  const failed = outcomes.filter((o) => o.failed).length;
  const flagged = outcomes.filter((o) => !o.failed && o.flagged).length;
  const done = outcomes.length - failed;
  const counts = [`${done} redacted`, ...(failed ? [`${failed} failed`] : [])];
  const head = `lastfour: ${outcomes.length} files: ${counts.join(', ')}`;
  if (!failed && !flagged) return `${head}; no output flagged\n`;
  const lines = outcomes.flatMap((o, i) => {
    if (o.failed) return [`  ${files[i]}: failed (${errorOf(o)})`];
    if (o.flagged) return [`  ${files[i]}: ${(o.toCheck ?? ['flagged']).join('; ')}`];
    return [];
  });
  const check = flagged ? `; check ${flagged} output${flagged > 1 ? 's' : ''} by eye` : '';
  return `${head}${check}:\n${lines.join('\n')}\n`;
}

/** The reason in a failed file's report entry ({ error }), or 'see above'. */
function errorOf(o: FileOutcome): string {
  const e = (o.entry as { error?: unknown } | undefined)?.error;
  return typeof e === 'string' ? e : 'see above';
}
