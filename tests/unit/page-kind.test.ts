// The page classifier as a pure function of hand-made evidence, the finders each kind allows, and the
// national identity numbers that look like card numbers.
import { describe, expect, it } from 'vitest';
import { isChineseResidentId, isRomanianCnp, findNationalIds } from '../../src/engine/documents/national-ids';
import { aamvaSubfile } from '../../src/engine/documents/barcode';
import {
  allowedCardFindings,
  allowedDocumentFindings,
  findersFor,
} from '../../src/engine/documents/page-finders';
import {
  chosenKind,
  classifyPage,
  IDENTITY_KINDS,
  isPageKind,
  PAGE_KINDS,
  type PageEvidence,
} from '../../src/engine/documents/page-kind';
import { findKeywords, LICENCE_TITLES, normalizeText } from '../../src/engine/documents/page-keywords';
import type { Finding, MaskKind } from '../../src/engine/types';
import { line } from './doc-lines';

/** A 1000 x 630 picture (the ID-1 outline) with nothing found: each test adds its evidence. */
function evidence(more: Partial<PageEvidence> = {}): PageEvidence {
  return {
    width: 1000,
    height: 630,
    textLines: 5,
    mrzRows: 0,
    cardNumbers: [],
    securityCode: false,
    barcodes: [],
    pageFindings: [],
    ...more,
  };
}

const VISA = '4111111111111111';

describe('classifyPage: identity documents', () => {
  it('calls a page with a passport MRZ (document code P) a passport data page', () => {
    const c = classifyPage(
      evidence({
        width: 1250,
        height: 880,
        mrzRows: 2,
        mrz: { format: 'TD3', documentCode: 'P', checkDigitsValid: true },
        text: ['PASSPORT PASSEPORT', 'Surname / Nom', 'Given names / Prénoms', 'Date of birth'],
      }),
    );
    expect(c.kind).toBe('passport');
    expect(c.label).toBe('Passport data page');
    expect(c.confidence).toBeGreaterThan(0.8);
    expect(c.reasons.join(' ')).toMatch(/TD3 machine-readable zone/);
    expect(c.reasons.join(' ')).toMatch(/PASSPORT/);
  });

  it('treats a visa (document code V) like a passport page', () => {
    const c = classifyPage(evidence({ mrz: { format: 'TD3', documentCode: 'V', checkDigitsValid: false } }));
    expect(c.kind).toBe('passport');
    expect(c.reasons.join(' ')).toMatch(/visa/);
  });

  it('tells an ID card back (TD1 zone) from a front (TD2 zone)', () => {
    const td1 = { format: 'TD1', documentCode: 'I', checkDigitsValid: true } as const;
    const td2 = { format: 'TD2', documentCode: 'I', checkDigitsValid: true } as const;
    expect(classifyPage(evidence({ mrz: td1 })).kind).toBe('id-card-back');
    expect(classifyPage(evidence({ mrz: td2, text: ['IDENTITY CARD'] })).kind).toBe('id-card-front');
  });

  it('an ID card over a card number read from its MRZ: the zone wins', () => {
    const c = classifyPage(
      evidence({
        mrz: { format: 'TD1', documentCode: 'I', checkDigitsValid: true },
        cardNumbers: ['??????49???81329612'],
      }),
    );
    expect(c.kind).toBe('id-card-back');
  });

  it('sees three MRZ-like rows as an ID card back even when the zone would not read', () => {
    expect(classifyPage(evidence({ mrzRows: 3 })).kind).toBe('id-card-back');
  });

  it('calls a US licence a driving licence from its title, labels and barcode, despite "card numbers"', () => {
    const c = classifyPage(
      evidence({
        text: [
          'DRIVER LICENSE STATE OF EXAMPLE',
          'DL X7731024',
          'DOB 04/17/1986',
          'EXP 04/17/2030 SEX F HGT 5-06',
        ],
        cardNumbers: ['403?653?45?10174314'],
        securityCode: true,
        barcodes: [{ format: 'PDF417', aamva: 'DL' }],
      }),
    );
    expect(c.kind).toBe('driving-licence');
    expect(c.confidence).toBeGreaterThan(0.6);
  });

  it('reads a licence by its labels alone when OCR garbles the title', () => {
    const c = classifyPage(
      evidence({
        width: 700,
        height: 448,
        text: [
          'California over ueense',
          'exp 08/31/2014 END NONE',
          'RSTR NONE',
          'SEX F HGT 5-05 WGT 125 lb',
          'EYES BRN',
          'DD 00/00',
        ],
        cardNumbers: ['??25702474578337'],
      }),
    );
    expect(c.kind).toBe('driving-licence');
  });

  it('calls an AAMVA identity-card barcode an ID card back', () => {
    expect(classifyPage(evidence({ barcodes: [{ format: 'PDF417', aamva: 'ID' }] })).kind).toBe(
      'id-card-back',
    );
  });

  it('calls a Chinese resident ID an ID card, whether the card engine or the page text read the number', () => {
    const byEngine = classifyPage(evidence({ cardNumbers: ['11010519491231002?'] }));
    expect(byEngine.kind).toBe('id-card-front');
    expect(byEngine.reasons.join(' ')).toMatch(/Chinese resident identity number/);
    const byText = classifyPage(evidence({ text: ['公民身份号码', '11010519491231002X'] }));
    expect(byText.kind).toBe('id-card-front');
  });

  it('calls a number shaped like a Chinese resident ID an ID card even with a digit misread', () => {
    const c = classifyPage(evidence({ cardNumbers: ['110105194912310?21'] }));
    expect(c.kind).toBe('id-card-front');
    // An 18-digit reading without a birth date in place is no such evidence.
    expect(classifyPage(evidence({ cardNumbers: ['622202123456789012'] })).kind).not.toBe('id-card-front');
  });

  it('calls a page with a valid Romanian CNP an ID card front', () => {
    const c = classifyPage(evidence({ cardNumbers: ['1900101400127'] }));
    expect(c.kind).toBe('id-card-front');
  });

  it('matches titles in several languages', () => {
    for (const [text, kind] of [
      ['REISEPASS', 'passport'],
      ['PASAPORTE', 'passport'],
      ['护照', 'passport'],
      ['BUNDESREPUBLIK DEUTSCHLAND PERSONALAUSWEIS', 'id-card-front'],
      ["CARTE NATIONALE D'IDENTITÉ", 'id-card-front'],
      ['FÜHRERSCHEIN', 'driving-licence'],
      ['PERMIS DE CONDUIRE', 'driving-licence'],
      ["DRIVER'S LICENSE", 'driving-licence'],
    ] as const) {
      expect(classifyPage(evidence({ width: 1200, height: 1200, text: [text] })).kind, text).toBe(kind);
    }
  });
});

describe('classifyPage: cards, statements and the rest', () => {
  it('calls a card-shaped photo with a clean card number a card front, without reading the page', () => {
    const c = classifyPage(evidence({ cardNumbers: [VISA] }));
    expect(c.kind).toBe('card-front');
    expect(c.label).toBe('Payment card (front)');
  });

  it('calls a card with a security code, or card-back small print, a card back', () => {
    expect(classifyPage(evidence({ cardNumbers: [VISA], securityCode: true })).kind).toBe('card-back');
    const c = classifyPage(
      evidence({
        cardNumbers: [VISA],
        text: ['This card is issued by Example Bank', 'Customer service 24/7', 'Authorised signature'],
      }),
    );
    expect(c.kind).toBe('card-back');
  });

  it('calls a card whose number was read mirrored (its relief seen through the plastic) a card back', () => {
    const c = classifyPage(evidence({ cardNumbers: ['541275341234567?'], numberReadMirrored: true }));
    expect(c.kind).toBe('card-back');
    expect(c.reasons).toContain("digits read as a card number, read mirrored from the card's back");
    expect(classifyPage(evidence({ cardNumbers: ['541275341234567?'] })).kind).toBe('card-front');
  });

  it('calls a back with no number but a code by its panel a card back, over two MRZ-like rows of small print', () => {
    // A back's terms in two long rows of small print look like a passport's MRZ to the layout check.
    const back = classifyPage(evidence({ securityCode: true, mrzRows: 2 }));
    expect(back.kind).toBe('card-back');
    expect(back.reasons).toContain('a security code by the signature panel');
    expect(classifyPage(evidence({ mrzRows: 2 })).kind).not.toBe('card-back');
  });

  it('calls a statement a statement, even with "credit card", "customer service" and a stray number', () => {
    const c = classifyPage(
      evidence({
        width: 1024,
        height: 851,
        textLines: 41,
        text: [
          'CREDIT CARD STATEMENT',
          'ACCOUNT NUMBER NAME STATEMENT DATE PAYMENT DUE DATE',
          'NEW BALANCE MINIMUM PAYMENT DUE',
          '$1200.00 $1074.76 $125.24 $20.00',
          'For Customer Service Call:',
          'For Lost or Stolen Card, Call:',
        ],
        cardNumbers: ['980?015103850740410'],
        pageFindings: ['account-number'],
      }),
    );
    expect(c.kind).toBe('statement');
    expect(c.label).toBe('Statement or letter');
  });

  it('calls a banking-app screenshot with a card number, an IBAN and a balance a statement', () => {
    const c = classifyPage(
      evidence({
        width: 1080,
        height: 1920,
        textLines: 20,
        text: [
          'My Account',
          'Current account',
          'Balance',
          '€ 2,345.67',
          'Debit card',
          '-54.20',
          '+250.00',
          '-3.80',
        ],
        cardNumbers: ['4916338506082832'],
        pageFindings: ['iban', 'card-number', 'transactions'],
      }),
    );
    expect(c.kind).toBe('statement');
  });

  it('calls a letter that mentions a passport a letter', () => {
    const c = classifyPage(
      evidence({
        width: 1240,
        height: 1754,
        textLines: 30,
        text: ['Dear Ms Example,', 'please send us a copy of your passport.', 'Yours sincerely'],
      }),
    );
    expect(c.kind).toBe('statement');
  });

  it('says "other" when nothing speaks for any kind', () => {
    const c = classifyPage(evidence({ width: 800, height: 800, textLines: 2 }));
    expect(c.kind).toBe('other');
    expect(c.reasons.length).toBeGreaterThan(0);
  });

  it('is a pure function with bounded confidence, and reasons never repeat a number from the page', () => {
    const e = evidence({ cardNumbers: [VISA], text: ['VALID THRU 12/28', VISA] });
    const a = classifyPage(e);
    expect(classifyPage(e)).toEqual(a);
    for (const kind of PAGE_KINDS) expect(isPageKind(kind)).toBe(true);
    expect(a.confidence).toBeGreaterThan(0);
    expect(a.confidence).toBeLessThanOrEqual(1);
    expect(a.reasons.join(' ')).not.toMatch(/\d{4}/);
  });

  it('a kind the user chose is certain and says so', () => {
    expect(chosenKind('passport')).toMatchObject({ kind: 'passport', confidence: 1, chosen: true });
    expect(isPageKind('card')).toBe(false);
  });
});

const finding = (id: string, kind: MaskKind): Finding => ({
  id,
  kind,
  text: '1234',
  glyphs: [],
  confidence: 1,
  keepable: true,
  enabledByDefault: true,
});

describe('findersFor', () => {
  it('never lets a card-number or security-code finder report on an identity document', () => {
    const card = [finding('card-1', 'card-number'), finding('security-code-1', 'security-code')];
    const page = [
      finding('doc-card-number-0', 'card-number'),
      finding('doc-iban-1', 'iban'),
      finding('doc-mrz-0', 'mrz'),
      finding('doc-date-of-birth-0', 'date-of-birth'),
      finding('doc-barcode-0', 'barcode'),
    ];
    for (const kind of IDENTITY_KINDS) {
      const f = findersFor(kind);
      expect(allowedCardFindings(card, f)).toEqual([]);
      expect(allowedDocumentFindings(page, f).map((x) => x.kind)).toEqual([
        'mrz',
        'date-of-birth',
        'barcode',
      ]);
    }
  });

  it('keeps the card engine on cards and everything on "other"; statements read numbers from text', () => {
    expect(findersFor('card-front')).toMatchObject({
      cardEngine: true,
      securityCode: true,
      transactions: false,
    });
    expect(Object.values(findersFor('other')).every(Boolean)).toBe(true);
    expect(findersFor('statement')).toMatchObject({
      cardEngine: false,
      securityCode: false,
      statementNumbers: true,
      transactions: true,
    });
  });
});

describe('national identity numbers and keywords', () => {
  it('checks a Chinese resident ID (ISO 7064 MOD 11-2) and a Romanian CNP', () => {
    expect(isChineseResidentId('11010519491231002X')).toBe(true);
    expect(isChineseResidentId('110105194912310021')).toBe(false);
    expect(isChineseResidentId('110105194913310021')).toBe(false);
    expect(isRomanianCnp('1900101400127')).toBe(true);
    expect(isRomanianCnp('1900101400128')).toBe(false);
    expect(isRomanianCnp(VISA.slice(0, 13))).toBe(false);
  });

  it('suggests a national ID number printed on the page as a personal number, off by default', () => {
    const [f, ...rest] = findNationalIds([line('CNP 1900101400127', 0), line('Total 1,204.55', 30)]);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ kind: 'personal-number', enabledByDefault: false, text: '1900101400127' });
  });

  it('normalizes accents and finds words OCR glued or split', () => {
    expect(normalizeText('Führerschein  Relevé')).toBe('FUHRERSCHEIN RELEVE');
    expect(findKeywords('DRIVERLICENSE', LICENCE_TITLES)).toEqual(['DRIVER LICENSE']);
    expect(findKeywords('drivers license', LICENCE_TITLES)).toEqual(['DRIVER LICENSE']);
    expect(findKeywords('screwdriver licensed', LICENCE_TITLES)).toEqual([]);
  });

  it('reads the AAMVA subfile type from a barcode header', () => {
    expect(aamvaSubfile('@\n\x1e\rANSI 636000090002DL00410278ZV0319')).toBe('DL');
    expect(aamvaSubfile('@\n\x1e\rANSI 6360000102ID00390187')).toBe('ID');
    expect(aamvaSubfile('https://example.org')).toBeUndefined();
  });
});
