// Phones: the controls a thumb needs most, always at the bottom of the screen (styles.css shows the
// bar at phone width only): jump to what was found, export, and share what was exported.
import { useTranslation } from 'react-i18next';
import type { AppState, Item } from '../session/items';
import { canShareFiles, type Session } from '../session/session';

export function ActionBar({ session, state, item }: { session: Session; state: AppState; item?: Item }) {
  const { t } = useTranslation();
  const busy = state.exporting !== null;
  const showFindings = () => {
    const panel = document.querySelector<HTMLElement>('.side');
    panel?.scrollIntoView({ block: 'start' });
    document.getElementById('findings-title')?.focus();
  };
  return (
    <div className="action-bar" role="group" aria-label={t('actionBar.label')} data-testid="action-bar">
      <button type="button" onClick={showFindings} data-testid="action-findings-button">
        {t('actionBar.findings')}
      </button>
      {canShareFiles(state.shareable) && (
        <button
          type="button"
          disabled={busy}
          onClick={() => void session.share()}
          data-testid="action-share-button"
        >
          {t('export.share')}
        </button>
      )}
      <button
        type="button"
        className="primary"
        disabled={busy || item?.status !== 'ready'}
        aria-busy={state.exporting === 'image'}
        onClick={() => void session.exportSelected()}
        data-testid="action-export-button"
      >
        {state.exporting === 'image' ? t('export.exporting') : t('actionBar.export')}
      </button>
    </div>
  );
}
