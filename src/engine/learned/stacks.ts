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
  // whose detector box went wrong (see withHoles); last, groups at one spacing with a box beside them
  // as tall as several groups (withMergedBoxes).
  const passes = [
    (seed: TextLine) => stackOf(seed, groups, used, false),
    (seed: TextLine) => stackOf(seed, groups, used, true),
    (seed: TextLine) => withMergedBoxes(seed, groups, lines, used),
  ];
  for (const pass of passes)
    for (const seed of groups) {
      if (used.has(seed)) continue;
      const found = pass(seed);
      if (!found) continue;
      for (const l of found.lines) used.add(l);
      stacks.push(found.stack);
    }
  return stacks.sort((a, b) => b.length - a.length);
}

/** The frame of `seed`: where a line lies along it and across it (source pixels from its centre). */
function frameOf(seed: TextLine) {
  const ux = Math.cos(seed.angle);
  const uy = Math.sin(seed.angle);
  return {
    across: (l: TextLine) => -(l.centre.x - seed.centre.x) * uy + (l.centre.y - seed.centre.y) * ux,
    along: (l: TextLine) => (l.centre.x - seed.centre.x) * ux + (l.centre.y - seed.centre.y) * uy,
    /** The point `t` across and `a` along from `seed`'s centre. */
    at: (a: number, t: number) => ({
      x: seed.centre.x + a * ux - t * uy,
      y: seed.centre.y + a * uy + t * ux,
    }),
  };
}

/**
 * Whether line `l` (not `used`) runs with `seed` in one stack: glyphs within `STACK.maxHeightRatio`
 * of its height (unless `anyHeight`), its direction within `STACK.maxTurn`, and its left edge, centre
 * or right edge within `STACK.maxShift` glyph heights of the seed's along the lines.
 */
function fitsStack(seed: TextLine, l: TextLine, used: ReadonlySet<TextLine>, anyHeight = false): boolean {
  const S = STACK;
  const gh = seed.glyphHeight;
  if (used.has(l)) return false;
  const ratio = Math.max(l.glyphHeight, gh) / Math.min(l.glyphHeight, gh);
  if ((!anyHeight && ratio > S.maxHeightRatio) || Math.abs(Math.sin(l.angle - seed.angle)) > S.maxTurn)
    return false;
  const a = frameOf(seed).along(l);
  const shifts = [a, a - (l.length - seed.length) / 2, a + (l.length - seed.length) / 2];
  return Math.min(...shifts.map(Math.abs)) <= S.maxShift * gh;
}

/**
 * A stack whose groups printed close together came out of the DB detector as one box: at least two
 * group lines at one spacing (`seed` among them), and beside them, a spacing on from the first or
 * last, a box of their direction whose height across spans k >= 2 of their groups (k - 1 spacings and
 * a glyph height, give or take `STACK.holeTolerance` of a spacing). The box becomes k lines at the
 * stack's pitch, each of the groups' height and the box's length, read like any group (a box that
 * holds no digits fails the stack when read). The stack must hold `STACK.minGroups` to
 * `STACK.maxGroups` groups. Undefined where there is no such box.
 */
function withMergedBoxes(
  seed: TextLine,
  groups: readonly TextLine[],
  lines: readonly TextLine[],
  used: ReadonlySet<TextLine>,
): { lines: TextLine[]; stack: TextLine[] } | undefined {
  const S = STACK;
  const { across, along, at } = frameOf(seed);
  const run = runAround(seed, groups, used, false);
  const found = run && evenlySpaced(run.lines, run.step);
  if (!found || found.length < 2) return undefined;
  const spacing = (across(found[found.length - 1]) - across(found[0])) / (found.length - 1);
  const height = found.reduce((sum, l) => sum + l.glyphHeight, 0) / found.length;
  const tolerance = S.holeTolerance * spacing;
  for (const box of lines) {
    if (found.includes(box) || !fitsStack(seed, box, used, true)) continue;
    const k = Math.round((box.glyphHeight - height) / spacing) + 1;
    if (k < 2 || found.length + k > S.maxGroups) continue;
    if (Math.abs(box.glyphHeight - height - (k - 1) * spacing) > tolerance) continue;
    // The box's first group a spacing past the last group found, or its last a spacing before the first.
    const half = ((k - 1) * spacing) / 2;
    const after = Math.abs(across(box) - half - across(found[found.length - 1]) - spacing) <= tolerance;
    const before = Math.abs(across(box) + half - across(found[0]) + spacing) <= tolerance;
    if (!after && !before) continue;
    const split = Array.from({ length: k }, (_, j): TextLine => ({
      centre: at(along(box), across(box) - half + j * spacing),
      angle: seed.angle,
      length: box.length,
      glyphHeight: height,
      score: 0,
      pieces: 0,
    }));
    const stack = after ? [...found, ...split] : [...split, ...found];
    if (stack.length >= S.minGroups) return { lines: [...found, box], stack };
  }
  return undefined;
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
  const run = runAround(seed, groups, used, holes);
  if (!run || run.lines.length < S.minGroups) return undefined;
  const { lines, step } = run;
  const stack = holes ? withHoles(lines, step) : evenlySpaced(lines, step);
  return stack && stack.length <= S.maxGroups ? { lines, stack } : undefined;
}

/**
 * The longest run of `groups` fitting `seed`'s stack (fitsStack), in order across, that contains the
 * seed, each step across within `STACK.minSpacing` to `STACK.maxSpacing` glyph heights (or, with
 * `holes`, twice that); with the step across between two lines (source pixels). Undefined when the
 * seed fits none (it is `used`).
 */
function runAround(
  seed: TextLine,
  groups: readonly TextLine[],
  used: ReadonlySet<TextLine>,
  holes: boolean,
): { lines: TextLine[]; step: (a: TextLine, b: TextLine) => number } | undefined {
  const S = STACK;
  const gh = seed.glyphHeight;
  const { across } = frameOf(seed);
  const members = groups.filter((l) => fitsStack(seed, l, used)).sort((a, b) => across(a) - across(b));
  const i = members.indexOf(seed);
  if (i < 0) return undefined;
  const step = (a: TextLine, b: TextLine) => across(b) - across(a);
  const ok = (d: number) => d >= S.minSpacing * gh && d <= S.maxSpacing * gh;
  const spaced = holes ? (d: number) => ok(d) || ok(d / 2) : ok;
  let lo = i;
  let hi = i;
  while (lo > 0 && spaced(step(members[lo - 1], members[lo]))) lo--;
  while (hi < members.length - 1 && spaced(step(members[hi], members[hi + 1]))) hi++;
  return { lines: members.slice(lo, hi + 1), step };
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
