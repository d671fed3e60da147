// The language menu in the header. Each language is named in itself, so anyone can find their own.
import { useTranslation } from 'react-i18next';
import { chooseLanguage, LANGUAGE_TAGS, LANGUAGES, type Language } from '../i18n/i18n';

export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language">
      <span className="visually-hidden">{t('app.language')}</span>
      <select
        data-testid="language-select"
        value={i18n.resolvedLanguage ?? 'en'}
        onChange={(e) => chooseLanguage(e.target.value as Language)}
      >
        {LANGUAGE_TAGS.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGES[l].name}
          </option>
        ))}
      </select>
    </label>
  );
}
