import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';

function subscribe(cb: () => void): () => void {
  window.addEventListener('online', cb);
  window.addEventListener('offline', cb);
  return () => {
    window.removeEventListener('online', cb);
    window.removeEventListener('offline', cb);
  };
}

/** Offline is fine here: it is worth saying so, since people expect tools like this to need a server. */
export function OfflineIndicator() {
  const { t } = useTranslation();
  const online = useSyncExternalStore(subscribe, () => navigator.onLine);
  return (
    <span
      className={`net ${online ? 'online' : 'offline'}`}
      data-testid="network-status"
      data-online={online}
    >
      {online ? t('status.online') : t('status.offline')}
    </span>
  );
}
