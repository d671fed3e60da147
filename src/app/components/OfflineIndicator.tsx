import { useSyncExternalStore } from 'react';

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
  const online = useSyncExternalStore(subscribe, () => navigator.onLine);
  return (
    <span
      className={`net ${online ? 'online' : 'offline'}`}
      data-testid="network-status"
      data-online={online}
    >
      {online ? 'Works offline' : 'Offline: everything still works'}
    </span>
  );
}
