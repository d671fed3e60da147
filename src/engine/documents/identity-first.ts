// An identity document known before the card engine runs. The card engine reads a page's eight most
// number-like lines both ways round, re-aimed and widened, with a second reader where in doubt: on a
// passport or an ID card that is ten seconds spent on dates, names and document numbers, whose findings
// the page's kind then drops (page-finders.ts: no card engine on identity documents). An MRZ found by
// its layout among the detector's lines (mrz-band.ts, geometry only) and read with its check digits
// holding (ICAO 9303 Part 3, checked by the `mrz` package) settles the kind first, for two line reads.
import type { TextModels } from '../learned/models';
import type { TextLine } from '../learned/text-lines';
import type { GrayImage } from '../types';
import { findLayoutMrz, type LayoutMrz } from './mrz-layout';

export interface IdentityZone {
  /** The zone as read (undefined: no band convincing enough to read before the page is known). */
  zone?: LayoutMrz;
  /** The zone read as an MRZ whose check digits hold: the page is an identity document. */
  identity: boolean;
}

/**
 * Looks for a machine-readable zone among the learned detector's `lines` (source pixels) before any
 * card reading. Only a band whose geometry alone is convincing (`UNREAD_MIN_SCORE`, as for a page the
 * layout check does not yet call a document) is read, so a card photo rarely pays a read. Check
 * digits decide, never the reading alone: a card's small print read with '<' marks in it is no zone.
 */
export async function identityZoneFirst(
  gray: GrayImage,
  models: TextModels,
  lines: readonly TextLine[],
): Promise<IdentityZone> {
  const zone = await findLayoutMrz(gray, { textLines: lines, models }, false);
  return { zone, identity: !!zone?.readAsMrz && !!zone.reading?.checkDigitsValid };
}
