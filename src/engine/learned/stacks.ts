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
  for (const seed of groups) {
    if (used.has(seed)) continue;
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
    // The longest run of members with even spacing that contains the seed.
    const i = members.indexOf(seed);
    if (i < 0) continue;
    let lo = i;
    let hi = i;
    const step = (a: TextLine, b: TextLine) => across(b) - across(a);
    const ok = (d: number) => d >= S.minSpacing * gh && d <= S.maxSpacing * gh;
    while (lo > 0 && ok(step(members[lo - 1], members[lo]))) lo--;
    while (hi < members.length - 1 && ok(step(members[hi], members[hi + 1]))) hi++;
    const stack = members.slice(lo, hi + 1);
    if (stack.length < S.minGroups || stack.length > S.maxGroups) continue;
    const steps = stack.slice(1).map((l, k) => step(stack[k], l));
    if (Math.max(...steps) > 1.6 * Math.min(...steps)) continue;
    for (const l of stack) used.add(l);
    stacks.push(stack);
  }
  return stacks.sort((a, b) => b.length - a.length);
}
