import { useTranslation } from 'react-i18next';
import { CameraPicker, FilePicker } from './FilePicker';

/** First screen: what the app does, and the promise that matters most. */
export function EmptyState({ onFiles }: { onFiles(files: File[]): void }) {
  const { t } = useTranslation();
  return (
    <section className="empty" aria-labelledby="empty-title">
      <h2 id="empty-title">{t('empty.title')}</h2>
      <p>{t('empty.intro')}</p>
      <div className="pickers">
        <FilePicker onFiles={onFiles} />
        <CameraPicker onFiles={onFiles} />
      </div>
      <p className="privacy">
        <strong>{t('empty.privacyStrong')}</strong> {t('empty.privacy')}
      </p>
    </section>
  );
}
