/// <reference types="vite-plugin-pwa/react" />
// The real service-worker status, from vite-plugin-pwa: "ready offline" after the first install,
// "new version ready" when an update is waiting (we prompt rather than reload under the user's feet).
import { useRegisterSW } from 'virtual:pwa-register/react';

export interface PwaStatus {
  offlineReady: boolean;
  needRefresh: boolean;
  update(): void;
  dismiss(): void;
}

export function usePwaStatusFromSW(): PwaStatus {
  const {
    offlineReady: [offlineReady, setOfflineReady],
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW();
  return {
    offlineReady,
    needRefresh,
    update: () => void updateServiceWorker(true),
    dismiss: () => {
      setOfflineReady(false);
      setNeedRefresh(false);
    },
  };
}
