// The engine's English sentences, as the engine writes them, come out in the user's language; in
// English they are shown exactly as the engine wrote them.
import { afterAll, describe, expect, it } from 'vitest';
import { errorText } from '../../src/engine/error-codes';
import { PasswordRequiredError, WrongPasswordError } from '../../src/engine/pdf/errors';
import { engineError, engineNote } from '../../src/app/i18n/engine-text';
import { i18n } from '../../src/app/i18n/i18n';
import { errorMessage } from '../../src/app/session/progress';

// The engine's sentences come from its one table (engine/error-codes.ts), by code.
const tooLarge = errorText('too-large', { width: 12000, height: 9000 });
const tooManyPages = errorText('pdf-too-many-pages', { pages: 400, limit: 200 });
const ENGINE_ERRORS = [
  errorText('file-empty'),
  errorText('svg-refused'),
  errorText('pdf-as-image'),
  errorText('not-an-image'),
  tooLarge,
  errorText('truncated', { type: 'png' }),
  errorText('image-damaged', { type: 'png' }),
  errorText('heic-damaged'),
  new PasswordRequiredError().message,
  new WrongPasswordError().message,
  errorText('pdf-damaged'),
  errorText('pdf-damaged', { detail: 'no page could be read' }),
  tooManyPages,
];

describe('engine sentences in the user language', () => {
  afterAll(() => i18n.changeLanguage('en'));

  it('leaves English as the engine wrote it', async () => {
    await i18n.changeLanguage('en');
    for (const m of ENGINE_ERRORS) expect(engineError(m)).toBe(m);
    expect(engineNote('Luhn: valid')).toBe('Luhn: valid');
  });

  it('says every user-facing engine error in Spanish, with its numbers', async () => {
    await i18n.changeLanguage('es');
    for (const m of ENGINE_ERRORS) expect(engineError(m), m).not.toBe(m);
    expect(engineError(tooLarge)).toContain('12.000×9000');
    expect(engineError(tooManyPages)).toMatch(/^Este PDF tiene 400 páginas/);
    // Failures cross the worker as { code, message, params }.
    expect(errorMessage({ code: 'not-an-image', message: '' })).toMatch(/^Archivo no compatible/);
    expect(errorMessage(new Error('boom'))).toBe('No se pudo procesar este archivo: boom');
  });

  it('says notes and page-kind reasons in Portuguese, keeping names and unknown notes', async () => {
    await i18n.changeLanguage('pt-BR');
    expect(engineNote('brand: Visa')).toBe('bandeira: Visa');
    expect(engineNote('Luhn: fails')).toBe('Luhn: inválido');
    expect(engineNote('printed in 4 stacked groups')).toBe('impresso em 4 grupos empilhados');
    expect(engineNote('3 money amounts and a security code')).toBe(
      '3 valores em dinheiro e um código de segurança',
    );
    expect(engineNote('a note the catalogue has not met')).toBe('a note the catalogue has not met');
    expect(engineNote('card brand: VISA, DEBIT')).toBe('bandeira do cartão: VISA, DEBIT');
    expect(engineNote('TD1 machine-readable zone (identity card)')).toBe(
      'zona de leitura mecânica TD1 (documento de identidade)',
    );
    expect(engineNote('a valid Romanian personal numeric code (CNP)')).toBe(
      'um código numérico pessoal romeno (CNP) válido',
    );
    expect(engineNote('Chinese resident identity number')).toBe('número de identidade de residente chinês');
    expect(engineNote('a Luhn-valid card number and a security code')).toBe(
      'um número de cartão válido pelo Luhn e um código de segurança',
    );
  });
});
