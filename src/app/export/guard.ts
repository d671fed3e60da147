// The export guard asks before an export that would defeat the upload it is made for:
// - a page that shows a payment card (its outline, the card layout, a number read on it) with no
//   card-number mask (none was found, or the user switched off or deleted every one): the number
//   would be written readable;
// - a page whose card number is masked whole where the keep preset asks for its last four (their
//   glyphs unread, or the number read about as well upside down, so which end they are is unknown)
//   and the user has not uncovered them: the upload would be refused for the missing last four.
// Nothing is written until the user says what to do (session.ts, answerExportGuard).
import { lastFourHidden, lastFourUnread } from '../../engine/detect/last-four-shown';
import { maskCorners } from '../../engine/masks/geometry';
import { centre, insideQuad } from '../../engine/reading-frame';
import type { Point } from '../../engine/types';
import type { Doc } from '../editor/doc';
import { choiceOf, findingsOf } from '../session/findings';
import type { Item } from '../session/items';

/** Whether exporting this page as it stands would write a card with its number showing. */
export function showsUnmaskedCard(item: Item): boolean {
  return !!item.card && !item.history.present.masks.some((m) => m.kind === 'card-number');
}

/**
 * Whether exporting this page as it stands would show none of the last four of a card number whose
 * preset keeps them (`lastFourHidden`): true unless all four glyphs of the end that holds them (of
 * either end, when the reading direction is uncertain) lie on the page with no mask over their
 * centres. A user who shortened the mask off the last four (or off either end of an uncertain
 * number) is not asked again.
 */
export function hidesLastFour(item: Item): boolean {
  const doc = item.history.present;
  return findingsOf(item).some((f) => {
    const choice = choiceOf(doc, f);
    if (!choice.enabled || !lastFourHidden(f, choice.preset)) return false;
    if (f.glyphs.length < 4 || f.glyphs.length !== f.text.length) return true;
    // The end the last four are read at; an uncertain number's last four may be at either end.
    const ends = [f.glyphs.slice(-4)];
    if (!lastFourUnread(f)) ends.push(f.glyphs.slice(0, 4));
    return !ends.some((end) => end.every((g) => inView(doc, centre(g))));
  });
}

/** A point on the page (source pixels) that no mask covers. */
function inView(doc: Doc, p: Point): boolean {
  if (p.x < 0 || p.y < 0 || p.x >= doc.width || p.y >= doc.height) return false;
  return !doc.masks.some((m) => insideQuad(maskCorners(m), p));
}
