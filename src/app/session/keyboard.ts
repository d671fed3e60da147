// Turns key presses into editor actions through the shortcut table.
import { isTypingTarget, matchShortcut, NUDGE } from '../editor/shortcuts';
import type { EditorUi } from './editor-ui';

const ZOOM_STEP = 1.25;
const isMac = () =>
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** Handles a keydown; returns true when the key was used (the caller then prevents the default). */
export function handleKeyDown(ui: EditorUi, e: KeyboardEvent): boolean {
  if (isTypingTarget(e.target)) return false;
  const action = matchShortcut(e, isMac());
  if (!action) return false;
  // While the help dialog is open only its own keys work; it closes itself on Escape.
  if (ui.state.helpOpen && action !== 'help') return false;
  // Buttons and links keep their own Enter/Space; Backspace/Delete there still mean "delete mask".
  switch (action) {
    case 'undo':
      ui.undo();
      return true;
    case 'redo':
      ui.redo();
      return true;
    case 'delete':
      if (!ui.state.selectedMaskId) return false;
      ui.deleteSelected();
      return true;
    case 'nudge-left':
    case 'nudge-right':
    case 'nudge-up':
    case 'nudge-down': {
      if (!ui.state.selectedMaskId) return false;
      const [dx, dy] = NUDGE[action];
      const step = e.shiftKey ? 10 : 1;
      ui.nudgeSelected(dx * step, dy * step);
      return true;
    }
    case 'select-tool':
      ui.setTool('select');
      return true;
    case 'draw-tool':
      ui.setTool('draw');
      return true;
    case 'number-tool':
      ui.setTool('number');
      return true;
    case 'add-mask':
      ui.addMaskInView();
      return true;
    case 'next-mask':
      ui.cycleSelection(1);
      return true;
    case 'previous-mask':
      ui.cycleSelection(-1);
      return true;
    case 'deselect':
      if (!ui.state.selectedMaskId) return false;
      ui.selectMask(null);
      return true;
    case 'zoom-in':
      ui.zoomBy(ZOOM_STEP);
      return true;
    case 'zoom-out':
      ui.zoomBy(1 / ZOOM_STEP);
      return true;
    case 'zoom-fit':
      ui.fit();
      return true;
    case 'peek':
      ui.setPeek(true);
      return true;
    case 'pan':
      // A focused button or link keeps Space for itself.
      if (
        typeof HTMLElement !== 'undefined' &&
        e.target instanceof HTMLElement &&
        e.target.closest('button, a, [role="button"], summary, input')
      )
        return false;
      ui.setPanHeld(true);
      return true;
    case 'help':
      ui.setHelp(!ui.state.helpOpen);
      return true;
  }
}

export function handleKeyUp(ui: EditorUi, e: KeyboardEvent): void {
  if (e.key === 'o' || e.key === 'O') ui.setPeek(false);
  if (e.key === ' ') ui.setPanHeld(false);
}
