// The app's languages: i18next with one JSON catalogue per language (./locales). English is the source
// catalogue; tests/unit/i18n-catalogues.test.ts fails when another language lacks one of its keys or
// one of its own plural forms. The language follows the browser's until the user picks one in the
// header; that choice is kept in localStorage (a setting, never anything about the photos).
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import ar from './locales/ar.json';
import de from './locales/de.json';
import en from './locales/en.json';
import es from './locales/es.json';
import fr from './locales/fr.json';
import ko from './locales/ko.json';
import pl from './locales/pl.json';
import ptBR from './locales/pt-BR.json';
import ru from './locales/ru.json';
import tr from './locales/tr.json';

/** Each language's catalogue, by BCP 47 tag, and its own name for itself (for the picker). */
export const LANGUAGES = {
  en: { name: 'English', catalogue: en },
  es: { name: 'Español', catalogue: es },
  'pt-BR': { name: 'Português (Brasil)', catalogue: ptBR },
  fr: { name: 'Français', catalogue: fr },
  de: { name: 'Deutsch', catalogue: de },
  pl: { name: 'Polski', catalogue: pl },
  ru: { name: 'Русский', catalogue: ru },
  tr: { name: 'Türkçe', catalogue: tr },
  ko: { name: '한국어', catalogue: ko },
  ar: { name: 'العربية', catalogue: ar },
} as const;

export type Language = keyof typeof LANGUAGES;
export const LANGUAGE_TAGS = Object.keys(LANGUAGES) as Language[];
export const STORAGE_KEY = 'lastfour.language';

/**
 * The supported language closest to one of the browser's (`navigator.languages`, most wanted first):
 * an exact tag, else the same base language ("es-MX" -> "es", any "pt" -> "pt-BR"), else English.
 */
export function matchLanguage(wanted: readonly string[]): Language {
  for (const tag of wanted) {
    const exact = LANGUAGE_TAGS.find((l) => l.toLowerCase() === tag.toLowerCase());
    if (exact) return exact;
    const base = tag.toLowerCase().split('-')[0];
    const sameBase = LANGUAGE_TAGS.find((l) => l.toLowerCase().split('-')[0] === base);
    if (sameBase) return sameBase;
  }
  return 'en';
}

function storedLanguage(): Language | undefined {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v && v in LANGUAGES ? (v as Language) : undefined;
  } catch {
    return undefined; // storage disabled: follow the browser
  }
}

function initialLanguage(): Language {
  if (typeof navigator === 'undefined') return 'en';
  return (
    storedLanguage() ??
    matchLanguage(navigator.languages?.length ? navigator.languages : [navigator.language])
  );
}

/** <html lang dir>: Arabic lays the page out right to left (the canvas keeps the photo as it is). */
function applyToDocument(lng: string): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = lng;
  document.documentElement.dir = i18next.dir(lng);
}

void i18next.use(initReactI18next).init({
  resources: Object.fromEntries(LANGUAGE_TAGS.map((l) => [l, { translation: LANGUAGES[l].catalogue }])),
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: LANGUAGE_TAGS,
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  initAsync: false,
});
applyToDocument(i18next.language);
i18next.on('languageChanged', applyToDocument);

/** The user's choice in the header: applied at once and remembered for the next visit. */
export function chooseLanguage(lng: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // storage disabled: the choice lasts for this page only
  }
  void i18next.changeLanguage(lng);
}

export const i18n = i18next;
/** Translates outside React (the session writes notices and item messages with it). */
export const t = i18next.t.bind(i18next);
