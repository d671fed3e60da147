// Typed input errors for PDFs. They extend InputError (message shown to the user as-is) and carry a
// `code` the app can branch on. Across the Comlink boundary only `name` and `message` survive, so
// `name` is set to the class name as well: the UI checks `err.name === 'PasswordRequiredError'`.
import { InputError } from '../errors';
import { MAX_PDF_PAGES } from './limits';

export type PdfErrorCode =
  'password-required' | 'wrong-password' | 'pdf-damaged' | 'too-many-pages' | 'no-pages';

export class PdfInputError extends InputError {
  constructor(
    message: string,
    readonly code: PdfErrorCode,
  ) {
    super(message);
    this.name = 'PdfInputError';
  }
}

export class PasswordRequiredError extends PdfInputError {
  constructor() {
    super('This PDF is protected by a password. Enter the password to open it.', 'password-required');
    this.name = 'PasswordRequiredError';
  }
}

export class WrongPasswordError extends PdfInputError {
  constructor() {
    super('That password is not correct for this PDF. Check it and try again.', 'wrong-password');
    this.name = 'WrongPasswordError';
  }
}

export const damagedPdfMessage = (detail?: string) =>
  `The PDF is damaged and cannot be read${detail ? ` (${detail})` : ''}. Try re-saving or re-downloading it.`;

export function tooManyPagesMessage(pages: number): string {
  return (
    `This PDF has ${pages} pages; LastFour opens at most ${MAX_PDF_PAGES} pages at a time, because every ` +
    'page becomes a 200-dpi picture of about 16 MB in memory. Split the PDF into parts and open them one by one.'
  );
}
