// Whether a photo shows a payment card, whatever was read on it: the export guard and the CLI's
// cardWithoutNumber ask this when no card-number finding stands, so a card whose number no reader
// could read is not exported as it is without the user saying so.
import { IDENTITY_KINDS, type PageClassification } from '../documents/page-kinds';
import type { Finding, GrayImage, Mask, Quad } from '../types';
import { findCardOutline } from './card-outline';
import type { SeenNumber } from './card-numbers';

export interface CardEvidence {
  /** The card's outline in source pixels, when one was found (see card-outline.ts). */
  outline?: Quad;
  /** What showed it is a card, in words for the user. */
  reasons: string[];
}

/**
 * Evidence that the page is a payment card: an ID-1 outline, the page classified as a card, a card
 * number read on it, or (where none was) a line read in card-number layout (`seen`, from the card
 * detector: LEAK_DIGITS or more digits in groups at one pitch) that the card rules could not make a
 * whole number of (a digit lost or unread on a turned or busy photo). An identity document or a
 * statement (classified or chosen) is no payment card, whatever its outline. Undefined when nothing
 * points to a card.
 */
export function cardEvidence(
  gray: GrayImage,
  findings: readonly Finding[],
  page?: PageClassification,
  seen: readonly Pick<SeenNumber, 'digits'>[] = [],
): CardEvidence | undefined {
  if (page && (IDENTITY_KINDS.has(page.kind) || page.kind === 'statement')) return undefined;
  if (page?.chosen && page.kind === 'other') return undefined;
  const reasons: string[] = [];
  if (page && (page.kind === 'card-front' || page.kind === 'card-back'))
    reasons.push(`the page looks like a ${page.label.toLowerCase()}`);
  if (findings.some((f) => f.kind === 'card-number')) reasons.push('a card number was read on it');
  else if (seen.length) {
    const most = Math.max(...seen.map((n) => n.digits));
    reasons.push(`${most} digits read in card-number layout, not made into a whole number`);
  }
  const outline = findCardOutline(gray);
  if (outline) reasons.push('a card-shaped outline (ID-1)');
  return reasons.length ? { outline: outline?.corners, reasons } : undefined;
}

/**
 * A card with no card number masked: evidence of a card, and not one mask of a card number among
 * `masks` (none was found, or the user switched off or deleted every one).
 */
export function cardWithoutNumber(card: CardEvidence | undefined, masks: readonly Mask[]): boolean {
  return !!card && !masks.some((m) => m.kind === 'card-number');
}
