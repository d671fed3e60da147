// Engine failures (by code) and the engine's notes come out in the user's language; in English they
// are the engine's own sentences, the ones the CLI prints.
import { afterAll, describe, expect, it } from 'vitest';
import { ENGINE_ERROR_CODES, errorText, type ErrorParams } from '../../src/engine/error-codes';
import { engineFailureText } from '../../src/app/i18n/engine-errors';
import { engineNote } from '../../src/app/i18n/engine-text';
import { LOST_GLYPHS_NOTE } from '../../src/engine/detect/lost-glyphs';
import { MIDDLE_SHOWN_NOTE } from '../../src/engine/detect/middle-shown';
import { MIRRORED_NOTE } from '../../src/engine/detect/mirrored-relief';
import { i18n, LANGUAGE_TAGS } from '../../src/app/i18n/i18n';
import { errorMessage } from '../../src/app/session/progress';

/** Every fact a message may need, so every sentence is checked with its numbers in. */
const PARAMS: ErrorParams = { width: 12000, height: 9000, pages: 400, page: 3, limit: 30, type: 'png' };

describe('engine failures and notes in the user language', () => {
  afterAll(() => i18n.changeLanguage('en'));

  it('leaves English as the engine table says it', async () => {
    await i18n.changeLanguage('en');
    for (const code of ENGINE_ERROR_CODES)
      expect(engineFailureText(code, PARAMS), code).toBe(errorText(code, PARAMS));
    expect(engineNote('Luhn: valid')).toBe('Luhn: valid');
    expect(engineNote(MIDDLE_SHOWN_NOTE)).toBe(MIDDLE_SHOWN_NOTE);
    expect(engineNote(MIRRORED_NOTE)).toBe(MIRRORED_NOTE);
    expect(engineNote(LOST_GLYPHS_NOTE)).toBe(LOST_GLYPHS_NOTE);
  });

  it('words every engine code in every other language, with its numbers and details', async () => {
    for (const lng of LANGUAGE_TAGS.filter((l) => l !== 'en')) {
      await i18n.changeLanguage(lng);
      for (const code of ENGINE_ERROR_CODES) {
        for (const params of [PARAMS, { ...PARAMS, detail: 'pdf.js: bad xref' }]) {
          const said = engineFailureText(code, params);
          expect(said, `${lng} ${code}`).not.toBe(errorText(code, params));
          expect(said, `${lng} ${code}`).not.toMatch(/\{\{|undefined|NaN/);
          if (params.detail && /\(pdf.js/.test(errorText(code, params)))
            expect(said, `${lng} ${code}`).toContain('pdf.js: bad xref');
        }
      }
    }
  });

  it('says Spanish failures with Spanish numbers, and a bug as a bug', async () => {
    await i18n.changeLanguage('es');
    expect(engineFailureText('too-large', PARAMS)).toContain('12.000×9000');
    expect(engineFailureText('pdf-too-many-pages', PARAMS)).toMatch(/^Este PDF tiene 400 páginas/);
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
    expect(engineNote(MIDDLE_SHOWN_NOTE)).toBe(
      'os grupos do meio não estão visíveis (cobertos ou ilegíveis): o primeiro grupo coberto, os quatro últimos mantidos',
    );
    expect(engineNote(MIRRORED_NOTE)).toBe(
      'lido espelhado: o relevo de um número gravado visto pelo verso do cartão',
    );
    expect(engineNote('a Luhn-valid card number and a security code')).toBe(
      'um número de cartão válido pelo Luhn e um código de segurança',
    );
    expect(engineNote("digits read as a card number, read mirrored from the card's back")).toBe(
      'dígitos lidos como número de cartão, lido espelhado pelo verso do cartão',
    );
  });
});
