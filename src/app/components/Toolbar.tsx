// Editor buttons: every one has a keyboard shortcut too (listed in the help panel).
import { canRedo, canUndo } from '../editor/history';
import type { Item } from '../session/items';
import type { Session } from '../session/session';
import { useStore } from '../session/store';

const ZOOM_STEP = 1.25;

export function Toolbar({ session, item }: { session: Session; item: Item }) {
  const ui = useStore(session.ui.store);
  const editor = session.ui;
  const ready = item.status === 'ready';
  const peek = (on: boolean) => editor.setPeek(on);
  return (
    <div className="toolbar" role="toolbar" aria-label="Editor tools">
      <div className="group" role="group" aria-label="Tool">
        <button
          type="button"
          aria-pressed={ui.tool === 'select'}
          onClick={() => editor.setTool('select')}
          title="Select and move (V)"
        >
          Select
        </button>
        <button
          type="button"
          aria-pressed={ui.tool === 'draw'}
          onClick={() => editor.setTool('draw')}
          title="Draw masks (R)"
        >
          Draw
        </button>
      </div>
      <div className="group" role="group" aria-label="Masks">
        <button type="button" disabled={!ready} onClick={() => editor.addMaskInView()} title="Add a mask (N)">
          Add mask
        </button>
        <button
          type="button"
          disabled={!ui.selectedMaskId}
          onClick={() => editor.deleteSelected()}
          title="Delete (Del)"
        >
          Delete
        </button>
        <button
          type="button"
          disabled={!canUndo(item.history)}
          onClick={() => editor.undo()}
          title="Undo (Ctrl+Z)"
        >
          Undo
        </button>
        <button
          type="button"
          disabled={!canRedo(item.history)}
          onClick={() => editor.redo()}
          title="Redo (Ctrl+Shift+Z)"
        >
          Redo
        </button>
      </div>
      <div className="group" role="group" aria-label="Zoom">
        <button
          type="button"
          aria-label="Zoom out"
          onClick={() => editor.zoomBy(1 / ZOOM_STEP)}
          title="Zoom out (−)"
        >
          −
        </button>
        <button type="button" onClick={() => editor.fit()} title="Fit to view (0)">
          Fit
        </button>
        <button
          type="button"
          aria-label="Zoom in"
          onClick={() => editor.zoomBy(ZOOM_STEP)}
          title="Zoom in (+)"
        >
          +
        </button>
      </div>
      <button
        type="button"
        className="peek"
        aria-pressed={ui.peek}
        title="Hold to see the original (O)"
        onPointerDown={() => peek(true)}
        onPointerUp={() => peek(false)}
        onPointerLeave={() => peek(false)}
        onPointerCancel={() => peek(false)}
        onKeyDown={(e) => (e.key === ' ' || e.key === 'Enter') && peek(true)}
        onKeyUp={(e) => (e.key === ' ' || e.key === 'Enter') && peek(false)}
        onBlur={() => peek(false)}
      >
        Hold to peek
      </button>
    </div>
  );
}
