// The export guard: a page that shows a payment card (its outline, the card layout, a number read on
// it) and has no card-number mask (none was found, or the user switched off or deleted every one)
// is not written until the user says what to do: mark the number, draw a mask, or export anyway.
import type { Item } from '../session/items';

/** Whether exporting this page as it stands would write a card with its number showing. */
export function showsUnmaskedCard(item: Item): boolean {
  return !!item.card && !item.history.present.masks.some((m) => m.kind === 'card-number');
}
