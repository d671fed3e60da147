// "Ready offline" and "new version ready" messages. Pure UI: the service-worker status comes from
// usePwaStatus (./status.ts), backed by vite-plugin-pwa.
import { usePwaStatus } from './status';

export function UpdatePrompt() {
  const { offlineReady, needRefresh, update, dismiss } = usePwaStatus();
  if (!offlineReady && !needRefresh) return null;
  return (
    <div className="update-prompt" role="status" data-testid="update-prompt">
      <span>
        {needRefresh ? 'A new version of LastFour is ready.' : 'LastFour is ready to work offline.'}
      </span>
      {needRefresh && (
        <button type="button" className="primary" onClick={update}>
          Reload to update
        </button>
      )}
      <button type="button" onClick={dismiss}>
        {needRefresh ? 'Later' : 'OK'}
      </button>
    </div>
  );
}
