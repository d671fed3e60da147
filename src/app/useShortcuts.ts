import { useEffect } from 'react';
import { handleKeyDown, handleKeyUp } from './session/keyboard';
import type { Session } from './session/session';

/** Window-wide editor shortcuts (form fields keep their keys: see isTypingTarget). */
export function useShortcuts(session: Session): void {
  useEffect(() => {
    const down = (e: KeyboardEvent) => {
      if (handleKeyDown(session.ui, e)) e.preventDefault();
    };
    const up = (e: KeyboardEvent) => handleKeyUp(session.ui, e);
    // A key released while the window was in the background never sends keyup: stop peeking and
    // panning anyway.
    const blur = () => {
      session.ui.setPeek(false);
      session.ui.setPanHeld(false);
    };
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    window.addEventListener('blur', blur);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
      window.removeEventListener('blur', blur);
    };
  }, [session]);
}
