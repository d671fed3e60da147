// Editor buttons: every one has a keyboard shortcut too (listed in the help panel).
import { useTranslation } from 'react-i18next';
import { canRedo, canUndo } from '../editor/history';
import type { Item } from '../session/items';
import type { Session } from '../session/session';
import { useStore } from '../session/store';

const ZOOM_STEP = 1.25;

export function Toolbar({ session, item }: { session: Session; item: Item }) {
  const { t } = useTranslation();
  const ui = useStore(session.ui.store);
  const editor = session.ui;
  const ready = item.status === 'ready';
  const peek = (on: boolean) => editor.setPeek(on);
  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <div className="group" role="group" aria-label={t('toolbar.tool')}>
        <button
          type="button"
          aria-pressed={ui.tool === 'select'}
          onClick={() => editor.setTool('select')}
          title={t('toolbar.selectTitle')}
        >
          {t('toolbar.select')}
        </button>
        <button
          type="button"
          aria-pressed={ui.tool === 'draw'}
          onClick={() => editor.setTool('draw')}
          title={t('toolbar.drawTitle')}
        >
          {t('toolbar.draw')}
        </button>
        <button
          type="button"
          data-testid="number-tool"
          aria-pressed={ui.tool === 'number'}
          aria-keyshortcuts="N"
          onClick={() => editor.setTool('number')}
          title={t('toolbar.numberTitle')}
        >
          {item.marking ? t('toolbar.numberReading') : t('toolbar.number')}
        </button>
      </div>
      <div className="group" role="group" aria-label={t('toolbar.masks')}>
        <button
          type="button"
          disabled={!ready}
          onClick={() => editor.addMaskInView()}
          title={t('toolbar.addMaskTitle')}
        >
          {t('toolbar.addMask')}
        </button>
        <button
          type="button"
          disabled={!ui.selectedMaskId}
          onClick={() => editor.deleteSelected()}
          title={t('toolbar.deleteTitle')}
        >
          {t('toolbar.delete')}
        </button>
        <button
          type="button"
          disabled={!canUndo(item.history)}
          onClick={() => editor.undo()}
          title={t('toolbar.undoTitle')}
        >
          {t('toolbar.undo')}
        </button>
        <button
          type="button"
          disabled={!canRedo(item.history)}
          onClick={() => editor.redo()}
          title={t('toolbar.redoTitle')}
        >
          {t('toolbar.redo')}
        </button>
      </div>
      <div className="group" role="group" aria-label={t('toolbar.zoom')}>
        <button
          type="button"
          aria-label={t('toolbar.zoomOut')}
          onClick={() => editor.zoomBy(1 / ZOOM_STEP)}
          title={t('toolbar.zoomOutTitle')}
        >
          −
        </button>
        <button type="button" onClick={() => editor.fit()} title={t('toolbar.fitTitle')}>
          {t('toolbar.fit')}
        </button>
        <button
          type="button"
          aria-label={t('toolbar.zoomIn')}
          onClick={() => editor.zoomBy(ZOOM_STEP)}
          title={t('toolbar.zoomInTitle')}
        >
          +
        </button>
      </div>
      <button
        type="button"
        className="peek"
        aria-pressed={ui.peek}
        title={t('toolbar.peekTitle')}
        onPointerDown={() => peek(true)}
        onPointerUp={() => peek(false)}
        onPointerLeave={() => peek(false)}
        onPointerCancel={() => peek(false)}
        onKeyDown={(e) => (e.key === ' ' || e.key === 'Enter') && peek(true)}
        onKeyUp={(e) => (e.key === ' ' || e.key === 'Enter') && peek(false)}
        onBlur={() => peek(false)}
      >
        {t('toolbar.peek')}
      </button>
    </div>
  );
}
