// "Ready offline" and "new version ready" messages. Pure UI: the service-worker status comes from
// usePwaStatus (./status.ts), backed by vite-plugin-pwa.
import { useTranslation } from 'react-i18next';
import { usePwaStatus } from './status';

export function UpdatePrompt() {
  const { t } = useTranslation();
  const { offlineReady, needRefresh, update, dismiss } = usePwaStatus();
  if (!offlineReady && !needRefresh) return null;
  return (
    <div className="update-prompt" role="status" data-testid="update-prompt">
      <span>{needRefresh ? t('pwa.newVersion') : t('pwa.offlineReady')}</span>
      {needRefresh && (
        <button type="button" className="primary" onClick={update}>
          {t('pwa.reload')}
        </button>
      )}
      <button type="button" onClick={dismiss}>
        {needRefresh ? t('pwa.later') : t('pwa.ok')}
      </button>
    </div>
  );
}
