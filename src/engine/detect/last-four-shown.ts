// Whether an export shows a card number's last four, from the finding alone: the notes the findings
// stage leaves on a number it masked whole or in part. Pure and free of the detector's code, so the
// CLI's warnings and the app's export guard (main thread) ask the same questions.
import type { Finding, KeepPreset } from '../types';

/**
 * The note on a number of which only the leading groups are in view (part-shown.ts): every digit in
 * view is masked, and the user checks that the rest of the number is out of sight.
 */
export const PART_SHOWN_NOTE =
  'only its first groups in view (the rest covered or unread): every digit in view masked';

/**
 * The note on a number read about equally well both ways round (see READ_LINE.uncertainDirection):
 * every digit is masked, and the user is asked to unmask the last four by hand.
 */
export const UNCERTAIN_DIRECTION_NOTE =
  'reading direction uncertain: every digit masked; check and unmask the last four';

/**
 * The note on a number the photo's frame cuts before its last four (the digits in view run to the
 * frame's edge, short of a whole number): every digit in view is masked, and none of the last four
 * is in the photo to show.
 */
export const CUT_SHORT_NOTE = 'cut by the frame before its last four: every digit in view masked';

/** Whether a finding is the leading groups of a card number shown in part (PART_SHOWN_NOTE). */
export const shownInPartFinding = (f: Pick<Finding, 'kind' | 'notes'>) =>
  f.kind === 'card-number' && !!f.notes?.includes(PART_SHOWN_NOTE);

/** Whether a finding is a card number masked whole because its reading direction was uncertain. */
export const directionUncertain = (f: Pick<Finding, 'kind' | 'notes'>) =>
  f.kind === 'card-number' && !!f.notes?.includes(UNCERTAIN_DIRECTION_NOTE);

/**
 * Whether a card number's last four glyphs were all left unread ('?': beyond the photo's or the card's
 * edge, padded to the brand's length, or unreadable), or lie beyond the frame that cuts the number
 * (CUT_SHORT_NOTE), so an export under 'last4' may show none of the last four. A number shown in
 * part is told apart by its own note (`shownInPartFinding`).
 */
export const lastFourUnread = (f: Pick<Finding, 'kind' | 'notes' | 'text'>): boolean =>
  f.kind === 'card-number' &&
  (/\?{4}$/.test(f.text) || !!f.notes?.includes(CUT_SHORT_NOTE)) &&
  !shownInPartFinding(f);

/**
 * Whether a card number kept with its last four shows four glyphs of which only some were read: one
 * to three '?' among its last four (a glyph lost to glare or a fold, or print beside the number taken
 * into its end). The export shows those four places unmasked, and only the user can tell whether they
 * hold the card's last four. Not a number whose last four are all unread (`lastFourUnread`: every
 * digit is masked then), shown in part, or of uncertain direction (both masked whole).
 */
export const lastFourInDoubt = (f: Pick<Finding, 'kind' | 'notes' | 'text'>): boolean =>
  f.kind === 'card-number' &&
  /\?/.test(f.text.slice(-4)) &&
  !lastFourUnread(f) &&
  !shownInPartFinding(f) &&
  !directionUncertain(f);

/**
 * Whether masking `f` with `preset` leaves none of its last four to be seen although the preset
 * keeps them: its last four unread (`lastFourUnread`) or its reading direction uncertain
 * (`directionUncertain`), so every digit is masked. An upload that asks for the last four is then
 * refused; only the user can tell whether they show. False for 'none' (nothing is to show).
 */
export const lastFourHidden = (f: Pick<Finding, 'kind' | 'notes' | 'text'>, preset: KeepPreset): boolean =>
  preset !== 'none' && (lastFourUnread(f) || directionUncertain(f));
