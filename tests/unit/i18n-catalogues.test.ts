// Every language must say everything English says: same keys (a plural key in each of the language's
// own plural forms, from Intl.PluralRules), the same {{placeholders}}, and no sentence left in English.
import { describe, expect, it } from 'vitest';
import { LANGUAGE_TAGS, LANGUAGES, matchLanguage } from '../../src/app/i18n/i18n';

type Tree = { [k: string]: string | Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

/** Base key -> plural forms present (empty set for a key without plural forms). */
function bases(flat: Map<string, string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const key of flat.keys()) {
    const m = PLURAL.exec(key);
    const base = m ? key.slice(0, m.index) : key;
    if (!out.has(base)) out.set(base, new Set());
    if (m) out.get(base)!.add(m[1]);
  }
  return out;
}

/** Words that are the same in another language (brand names, standards, loanwords), by key: '*' for all. */
const SAME_AS_ENGLISH: Record<string, readonly string[]> = {
  'kind.iban': ['*'],
  'engineNote.pdf417': ['*'],
  'engineNote.brand': ['*'],
  'engineNote.ocrRepair': ['*'],
  'items.pastedName': ['*'],
  'notice.fileNotes': ['*'],
  'engineNote.keywords': ['*'],
  'engineNote.mrzWhat.visa': ['fr'],
  'export.png': ['*'],
  'export.jpeg': ['*'],
  'pwa.ok': ['*'],
  'app.editorRegion': ['es', 'pt-BR'],
  'toolbar.zoom': ['es', 'fr'],
  'items.region': ['fr'],
  'items.pageShort': ['fr'],
  'export.format': ['fr', 'ru', 'es', 'pt-BR'],
  'findings.suggestion': ['fr'],
  'help.action': ['fr'],
  'kind.barcode': ['de'],
  'category.barcode': ['de'],
};
const sameAllowed = (key: string, lng: string) =>
  (SAME_AS_ENGLISH[key] ?? []).some((l) => l === '*' || l === lng);

const english = flatten(LANGUAGES.en.catalogue as Tree);
const englishBases = bases(english);

describe('language catalogues', () => {
  it('ship the ten languages the issue asks for', () => {
    expect(LANGUAGE_TAGS).toEqual(['en', 'es', 'pt-BR', 'fr', 'de', 'pl', 'ru', 'tr', 'ko', 'ar']);
  });

  for (const lng of LANGUAGE_TAGS.filter((l) => l !== 'en')) {
    describe(lng, () => {
      const flat = flatten(LANGUAGES[lng].catalogue as Tree);
      const own = bases(flat);
      const needed = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;

      it('has every key English has, in each of its own plural forms, and nothing else', () => {
        const missing: string[] = [];
        for (const [base, forms] of englishBases) {
          const have = own.get(base);
          if (!have) missing.push(base);
          else if (forms.size > 0) for (const f of needed) if (!have.has(f)) missing.push(`${base}_${f}`);
        }
        expect(missing).toEqual([]);
        expect([...own.keys()].filter((b) => !englishBases.has(b))).toEqual([]);
      });

      it('keeps every placeholder and translates every sentence', () => {
        const problems: string[] = [];
        for (const [key, value] of flat) {
          const m = PLURAL.exec(key);
          const base = m ? key.slice(0, m.index) : key;
          const en = english.get(key) ?? english.get(`${base}_other`) ?? '';
          const want = placeholders(en).filter((p) => !(m && p === 'count'));
          const got = placeholders(value).filter((p) => !(m && p === 'count'));
          if (want.join() !== got.join()) problems.push(`${key}: {{${got}}} instead of {{${want}}}`);
          if (!value.trim()) problems.push(`${key}: empty`);
          if (value === en && !sameAllowed(base, lng)) problems.push(`${key}: still English`);
        }
        expect(problems).toEqual([]);
      });
    });
  }

  it('follows the browser: exact tag, then the base language, Portuguese to pt-BR, else English', () => {
    expect(matchLanguage(['es-MX', 'en'])).toBe('es');
    expect(matchLanguage(['pt-PT'])).toBe('pt-BR');
    expect(matchLanguage(['pt-BR'])).toBe('pt-BR');
    expect(matchLanguage(['nl', 'es-AR'])).toBe('es');
    expect(matchLanguage(['de-AT'])).toBe('de');
    expect(matchLanguage(['ar-EG'])).toBe('ar');
    expect(matchLanguage(['ko-KR'])).toBe('ko');
    expect(matchLanguage(['ja'])).toBe('en');
    expect(matchLanguage([])).toBe('en');
  });
});
