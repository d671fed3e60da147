// The page side of the Web Share Target (public/share-target-sw.js): when the app was opened by a
// share (./?share-target), ask the service worker for the shared files and take them in like
// dropped ones. They travel by postMessage, in memory; nothing is stored on the way.

export const SHARE_TARGET_QUERY = 'share-target';

/** Receives the shared files once, if this page load came from a share; returns a cleanup. */
export function receiveSharedFiles(onFiles: (files: File[]) => void): () => void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return () => undefined;
  const params = new URLSearchParams(location.search);
  if (!params.has(SHARE_TARGET_QUERY)) return () => undefined;
  const sw = navigator.serviceWorker;
  const onMessage = (e: MessageEvent) => {
    const data = e.data as { type?: string; files?: unknown[] } | null;
    if (data?.type !== 'share-target-files') return;
    sw.removeEventListener('message', onMessage);
    // A reload must not ask again: the address goes back to the app's own.
    history.replaceState(null, '', location.pathname);
    const files = (data.files ?? []).filter((f): f is File => f instanceof File);
    if (files.length > 0) onFiles(files);
  };
  sw.addEventListener('message', onMessage);
  sw.startMessages();
  void sw.ready.then((reg) => (sw.controller ?? reg.active)?.postMessage({ type: 'share-target-ready' }));
  return () => sw.removeEventListener('message', onMessage);
}
