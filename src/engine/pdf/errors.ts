// Typed input errors for PDFs. They extend InputError (its code and the message for that code from
// error-codes.ts). Across the worker boundary they travel as { code, message } like every engine
// error; the classes stay for Node callers that branch on them.
import { InputError, type EngineErrorCode, type ErrorParams } from '../errors';

export type PdfErrorCode = Extract<
  EngineErrorCode,
  'pdf-password' | 'pdf-wrong-password' | 'pdf-damaged' | 'pdf-too-many-pages' | 'pdf-no-pages'
>;

export class PdfInputError extends InputError {
  constructor(
    override readonly code: PdfErrorCode,
    params: ErrorParams = {},
  ) {
    super(code, params);
    this.name = 'PdfInputError';
  }
}

export class PasswordRequiredError extends PdfInputError {
  constructor() {
    super('pdf-password');
    this.name = 'PasswordRequiredError';
  }
}

export class WrongPasswordError extends PdfInputError {
  constructor() {
    super('pdf-wrong-password');
    this.name = 'WrongPasswordError';
  }
}
