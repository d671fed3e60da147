// Numbers on bank statements and banking screenshots that identify an account: card numbers, IBANs and
// labelled account numbers. They are masked except their last four by default (keepable, enabled), as
// verifiers want. Amounts, balances, dates and phone numbers never match: each detector needs
// either 13+ digits in card-like groups, a valid IBAN checksum, or an account label next to the value.
import type { Finding } from '../types';
import { findCardNumbers } from './card-numbers-in-text';
import { findingFromIndices } from './findings-util';
import { findIbans } from './iban-in-text';
import { findLabelledAccounts } from './labelled-accounts';
import type { Match } from './number-match';
import type { TextLine } from './page-text';

export function findStatementNumbers(lines: readonly TextLine[], idPrefix = 'doc'): Finding[] {
  const matches: Match[] = [];
  for (const line of lines) matches.push(...findIbans(line), ...findCardNumbers(line));
  matches.push(...findLabelledAccounts(lines));
  return matches
    .filter((m) => m.indices.length >= 6 || (m.head && m.indices.length >= 3) || m.kind === 'security-code')
    .map((m, n) =>
      findingFromIndices(`${idPrefix}-${m.kind}-${n}`, m.line, m.indices, {
        kind: m.kind,
        confidence: m.confidence,
        // The first half of a wrapped account number is hidden whole: its last digits are not the last
        // four. A security code is always hidden whole.
        keepable: !m.head && m.kind !== 'security-code',
        enabledByDefault: true,
        notes: m.notes,
      }),
    );
}
