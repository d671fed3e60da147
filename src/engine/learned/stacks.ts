// Vertical cards print the number as groups stacked one above another (four groups of four, often
// with bracket marks). The detector finds each group as a short line of its own; this stage finds
// such stacks, so the groups are read as one number, top group first.
import { STACK } from '../detect/thresholds';
import type { TextLine } from './text-lines';

export { STACK };

/**
 * Stacks of group lines, each ordered along the direction across the lines (+v of the lines' frame,
 * "down" when the text is upright; the reader decides which way is up). Every line is in at most
 * one stack; stacks are returned largest first.
 */
export function findStacks(lines: readonly TextLine[]): TextLine[][] {
  const S = STACK;
  const groups = lines.filter(
    (l) => l.length >= S.minGroupLength * l.glyphHeight && l.length <= S.maxGroupLength * l.glyphHeight,
  );
  const used = new Set<TextLine>();
  const stacks: TextLine[][] = [];
  // Groups at one spacing first; then, among the lines left, a step of two spacings may be a group
  // whose detector box went wrong (see withHoles).
  for (const holes of [false, true])
    for (const seed of groups) {
      if (used.has(seed)) continue;
      const found = stackOf(seed, groups, used, holes);
      if (!found) continue;
      for (const l of found.lines) used.add(l);
      stacks.push(found.stack);
    }
  return stacks.sort((a, b) => b.length - a.length);
}

/**
 * The stack `seed` belongs to among `groups` not `used`: the detector's lines in it, and the stack
 * with a line in each hole (only with `holes`).
 */
function stackOf(
  seed: TextLine,
  groups: readonly TextLine[],
  used: ReadonlySet<TextLine>,
  holes: boolean,
): { lines: TextLine[]; stack: TextLine[] } | undefined {
  const S = STACK;
  const ux = Math.cos(seed.angle);
  const uy = Math.sin(seed.angle);
  const gh = seed.glyphHeight;
  const across = (l: TextLine) => -(l.centre.x - seed.centre.x) * uy + (l.centre.y - seed.centre.y) * ux;
  const along = (l: TextLine) => (l.centre.x - seed.centre.x) * ux + (l.centre.y - seed.centre.y) * uy;
  const fits = (l: TextLine) => {
    if (used.has(l)) return false;
    const ratio = Math.max(l.glyphHeight, gh) / Math.min(l.glyphHeight, gh);
    if (ratio > S.maxHeightRatio || Math.abs(Math.sin(l.angle - seed.angle)) > S.maxTurn) return false;
    // Aligned on the left edge, the centre or the right edge.
    const a = along(l);
    const shifts = [a, a - (l.length - seed.length) / 2, a + (l.length - seed.length) / 2];
    return Math.min(...shifts.map(Math.abs)) <= S.maxShift * gh;
  };
  const members = groups.filter(fits).sort((a, b) => across(a) - across(b));
  // The longest run of members with even spacing (or, with holes, one or two spacings) that
  // contains the seed.
  const i = members.indexOf(seed);
  if (i < 0) return undefined;
  const step = (a: TextLine, b: TextLine) => across(b) - across(a);
  const ok = (d: number) => d >= S.minSpacing * gh && d <= S.maxSpacing * gh;
  const spaced = holes ? (d: number) => ok(d) || ok(d / 2) : ok;
  let lo = i;
  let hi = i;
  while (lo > 0 && spaced(step(members[lo - 1], members[lo]))) lo--;
  while (hi < members.length - 1 && spaced(step(members[hi], members[hi + 1]))) hi++;
  const lines = members.slice(lo, hi + 1);
  if (lines.length < S.minGroups) return undefined;
  const stack = holes ? withHoles(lines, step) : evenlySpaced(lines, step);
  return stack && stack.length <= S.maxGroups ? { lines, stack } : undefined;
}

/** Steps across a stack this many times its shortest one are no longer one spacing. */
const EVEN_STEPS = 1.6;

/** The lines as they are, when their steps across are within EVEN_STEPS of one another. */
function evenlySpaced(lines: TextLine[], step: (a: TextLine, b: TextLine) => number): TextLine[] | undefined {
  const steps = lines.slice(1).map((l, k) => step(lines[k], l));
  return Math.max(...steps) > EVEN_STEPS * Math.min(...steps) ? undefined : lines;
}

/**
 * The groups of a stack at one spacing, with a line put in each place where the spacing says a group
 * is printed and the detector gave none of this shape: its box of that group went wrong (a vertical
 * card turned 136 degrees: one group's box ran slanted across its neighbours) or it missed the group.
 * Such a line lies midway between its neighbours, at their direction, length and height, and is read
 * like any group (a hole that holds no group of digits fails the stack when read). Undefined when the
 * steps are not one spacing or two (within `STACK.holeTolerance` of twice the shortest) throughout.
 */
function withHoles(
  found: readonly TextLine[],
  step: (a: TextLine, b: TextLine) => number,
): TextLine[] | undefined {
  const steps = found.slice(1).map((l, k) => step(found[k], l));
  const spacing = Math.min(...steps);
  const stack: TextLine[] = [found[0]];
  for (const [k, d] of steps.entries()) {
    const [a, b] = [found[k], found[k + 1]];
    if (d > EVEN_STEPS * spacing) {
      if (Math.abs(d / spacing - 2) > STACK.holeTolerance) return undefined;
      const mid = (p: number, q: number) => (p + q) / 2;
      stack.push({
        centre: { x: mid(a.centre.x, b.centre.x), y: mid(a.centre.y, b.centre.y) },
        angle: a.angle,
        length: mid(a.length, b.length),
        glyphHeight: mid(a.glyphHeight, b.glyphHeight),
        score: 0,
        pieces: 0,
      });
    }
    stack.push(b);
  }
  return stack;
}
