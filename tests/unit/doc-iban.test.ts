import { describe, expect, it } from 'vitest';
import { ibanCheckDigits, ibanLength, isValidIban, mod97 } from '../../src/engine/documents/iban';
import { findStatementNumbers } from '../../src/engine/documents/statement';
import { line } from './doc-lines';
import { mulberry32 } from '../support/mulberry32';

// The SWIFT IBAN registry's example IBAN for each of these countries.
const REGISTRY_EXAMPLES = `AD1200012030200359100100 AE070331234567890123456 AL47212110090000000235698741
  AT611904300234573201 AZ21NABZ00000000137010001944 BA391290079401028494 BE68539007547034
  BG80BNBG96611020345678 BH67BMAG00001299123456 BR1800360305000010009795493C1 BY13NBRB3600900000002Z00AB00
  CH9300762011623852957 CR05015202001026284066 CY17002001280000001200527600 CZ6508000000192000145399
  DE89370400440532013000 DK5000400440116243 DO28BAGR00000001212453611324 EE382200221020145685
  EG380019000500000000263180002 ES9121000418450200051332 FI2112345600000785 FO6264600001631634
  FR1420041010050500013M02606 GB29NWBK60161331926819 GE29NB0000000101904917 GI75NWBK000000007099453
  GL8964710001000206 GR1601101250000000012300695 GT82TRAJ01020000001210029690 HR1210010051863000160
  HU42117730161111101800000000 IE29AIBK93115212345678 IL620108000000099999999 IQ98NBIQ850123456789012
  IS140159260076545510730339 IT60X0542811101000000123456 JO94CBJO0010000000000131000302
  KW81CBKU0000000000001234560101 KZ86125KZT5004100100 LB62099900000001001901229114
  LC55HEMM000100010012001200023015 LI21088100002324013AA LT121000011101001000 LU280019400644750000
  LV80BANK0000435195001 MC5811222000010123456789030 MD24AG000225100013104168 ME25505000012345678951
  MK07250120000058984 MR1300020001010000123456753 MT84MALT011000012345MTLCAST001S
  MU17BOMM0101101030300200000MUR NL91ABNA0417164300 NO9386011117947 PK36SCBL0000001123456702
  PL61109010140000071219812874 PS92PALS000000000400123456702 PT50000201231234567890154
  QA58DOHB00001234567890ABCDEFG RO49AAAA1B31007593840000 RS35260005601001611379 SA0380000000608010167519
  SC18SSCB11010000000000001497USD SE4550000000058398257466 SI56263300012039086 SK3112000000198742637541
  SM86U0322509800000000270100 ST68000100010051845310112 SV62CENR00000000000000700025
  TL380080012345678910157 TN5910006035183598478831 TR330006100519786457841326
  UA213223130000026007233566001 VA59001123000012345678 VG96VPVG0000012345678901 XK051212012345678906`
  .trim()
  .split(/\s+/);

/** `country + check digits + bban`, made valid with our check-digit helper. */
const withCheckDigits = (country: string, bban: string) =>
  `${country}${ibanCheckDigits(country, bban)}${bban}`;
/** Printed form: groups of four. */
const grouped = (iban: string) => iban.replace(/(.{4})/g, '$1 ').trim();
/** IBAN findings on one OCR'd line, through the app's statement path. */
const ibansIn = (text: string) => findStatementNumbers([line(text)]).filter((f) => f.kind === 'iban');
const ibanTexts = (text: string) => ibansIn(text).map((f) => f.text);

describe('IBAN validation (ISO 13616, SWIFT IBAN registry)', () => {
  it('accepts the registry example of every listed country', () => {
    expect(REGISTRY_EXAMPLES.length).toBeGreaterThan(70);
    for (const iban of REGISTRY_EXAMPLES) {
      expect(isValidIban(iban), iban).toBe(true);
      expect(isValidIban(iban.toLowerCase()), iban).toBe(true);
      expect(ibanLength(iban.slice(0, 2)), iban).toBe(iban.length);
    }
  });

  it('accepts IBANs made with the check-digit helper', () => {
    for (const [country, bban] of [
      ['DE', '500105175407324931'],
      ['AT', '1200052065181234'],
      ['NL', 'INGB0001234567'],
      ['GB', 'BARC20000055779911'],
      ['IE', 'BOFI90001712345678'],
      ['CH', '04835012345678009'],
      ['SE', '80000810340009783242'],
      ['LT', '7300010123456789'],
    ]) {
      expect(isValidIban(withCheckDigits(country, bban)), country + bban).toBe(true);
    }
  });

  it('rejects a changed digit, a swapped pair, a wrong length and junk', () => {
    expect(isValidIban('DE89370400440532013001')).toBe(false);
    expect(isValidIban('DE89370400440532031000')).toBe(false);
    expect(isValidIban('DE8937040044053201300')).toBe(false);
    expect(isValidIban('1234567890123456')).toBe(false);
    expect(isValidIban('')).toBe(false);
  });

  it('rejects a passing mod-97 without a registry country, its BBAN format or its national check', () => {
    // Every string here is made with the check-digit helper, so mod-97 alone would pass it.
    // Not in the registry: Panama (the "PA" of PASSPORT), the US, and Ivory Coast (IBAN-like, unlisted).
    for (const [country, bban] of [
      ['PA', 'SSPORTPTWN000'],
      ['US', '123456789012345678'],
      ['CI', 'A12345678901234567890123'],
    ]) {
      expect(isValidIban(withCheckDigits(country, bban)), country).toBe(false);
      expect(ibanLength(country), country).toBeUndefined();
    }
    // DE BBANs are 18 digits, GB ones 4 letters then 14 digits.
    expect(isValidIban(withCheckDigits('DE', '37040044053201300A'))).toBe(false);
    expect(isValidIban(withCheckDigits('GB', '123460161331926819'))).toBe(false);
    // Belgian national check (first ten digits mod 97) broken: 539007547034 -> ...035.
    expect(isValidIban(withCheckDigits('BE', '539007547035'))).toBe(false);
  });

  it('computes check digits and long remainders', () => {
    expect(ibanCheckDigits('DE', '370400440532013000')).toBe('89');
    expect(ibanCheckDigits('GB', 'NWBK60161331926819')).toBe('29');
    expect(mod97('3214282912345698765432161182')).toBe(1);
  });
});

describe('IBANs in OCR text', () => {
  it('finds every registry example, printed compact or in groups of four', () => {
    for (const iban of REGISTRY_EXAMPLES) {
      for (const text of [iban, grouped(iban), `IBAN: ${grouped(iban)} EUR`]) {
        const found = ibansIn(text);
        expect(
          found.map((f) => f.text),
          text,
        ).toEqual([iban]);
        expect(found[0].confidence, text).toBeGreaterThan(0.95);
      }
    }
  });

  it('rejects the words and names reported as IBANs', () => {
    for (const text of ['PASSPORTPTWN00000', 'RESIDENCEFOR1YEA', 'PASSEPORT CESKA REPUBLIKA']) {
      expect(ibanTexts(text), text).toEqual([]);
      expect(ibanTexts(`IBAN ${text}`), text).toEqual([]);
    }
    // A run of mostly letters is a word even when registry, format and checksum all agree (LC BBANs
    // allow letters anywhere after the bank code).
    const wordy = withCheckDigits('LC', 'HEMMRESIDENCEFORONEYEARABCD1');
    expect(isValidIban(wordy)).toBe(true);
    expect(ibanTexts(wordy)).toEqual([]);
    expect(ibanTexts(`IBAN ${wordy}`)).toEqual([]);
  });

  it('ignores runs on MRZ lines, fillers read as < or as K', () => {
    const iban = 'LC55HEMM000100010012001200023015';
    expect(ibanTexts(iban)).toEqual([iban]);
    expect(ibanTexts(`P<UTO<<${iban}<<<<<<<<`)).toEqual([]);
    expect(ibanTexts(`P«UTO ${iban} ‹‹`)).toEqual([]);
    const kFilled = withCheckDigits('LC', 'KKKB000100010012001200023015');
    expect(isValidIban(kFilled)).toBe(true);
    expect(ibanTexts(kFilled)).toEqual([]);
  });

  it('takes a reading of exactly the country length, ending where the word ends', () => {
    expect(ibanTexts('DE89 3704 0044 0532 0130 00 COBADEFFXXX')).toEqual(['DE89370400440532013000']);
    expect(ibanTexts('DE89370400440532013000 1234')).toEqual(['DE89370400440532013000']);
    expect(ibanTexts('DE8937040044053201300012')).toEqual([]);
    expect(ibanTexts('DE89 3704 0044 0532 0130 0012')).toEqual([]);
  });

  it('repairs one letter read for a look-alike digit, anywhere after the country code', () => {
    const cases: [string, string][] = [
      ['GB29 NWBK 6O16 1331 9268 19', 'O read for 0'],
      ['GBB2 WEST 1234 5698 7654 32', 'B read for 8'],
      ['DE89 3704 0044 0S32 0130 00', 'S read for 5'],
      ['NL91 ABNA 04I7 1643 00', 'I read for 1'],
      ['FR14 2004 1010 0505 0001 3M02 6O6', 'O read for 0'],
      ['IT60 X054 2B11 1010 0000 0123 456', 'B read for 8'],
    ];
    for (const [text, repair] of cases) {
      const found = ibansIn(text);
      expect(
        found.map((f) => f.text),
        text,
      ).toEqual([text.replace(/ /g, '')]);
      expect(found[0].notes, text).toContain(`OCR repair: ${repair}`);
      expect(found[0].confidence).toBeLessThan(0.95);
    }
  });

  it('rejects two look-alike letters, but shows them as unconfirmed on a line labelled IBAN', () => {
    for (const text of [
      'DE89 37O4 0044 0532 0130 0O',
      'GB29 NWBK 6O16 I331 9268 19',
      'NL91 ABNA 04I7 I643 00',
      'BE68 S39O 0754 7034',
      'DEB89 3704 0044 0532 0I30 00',
    ]) {
      expect(ibanTexts(text), text).toEqual([]);
      const [labelled] = ibansIn(`IBAN ${text}`);
      expect(labelled.confidence, text).toBe(0.6);
      expect(labelled.notes).toContain('checksum not confirmed: check the reading');
    }
  });

  it('accepts under 1 in 1,000 random IBAN-shaped strings', () => {
    const random = mulberry32(13616);
    const pick = (s: string) => s[Math.floor(random() * s.length)];
    const countries = REGISTRY_EXAMPLES.map((iban) => iban.slice(0, 2));
    const total = 5000;
    const accepted: string[] = [];
    for (let n = 0; n < total; n++) {
      const country = countries[Math.floor(random() * countries.length)];
      // Half at the country's own length (the hard case), half at any length an IBAN can have.
      const length = random() < 0.5 ? ibanLength(country)! : 15 + Math.floor(random() * 20);
      let s = country + pick('0123456789') + pick('0123456789');
      while (s.length < length) s += pick('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
      const text = random() < 0.5 ? s : grouped(s);
      if (ibansIn(text).length > 0) accepted.push(text);
    }
    expect(accepted.length / total, accepted.slice(0, 10).join(', ')).toBeLessThan(1 / 1000);
  });
});
