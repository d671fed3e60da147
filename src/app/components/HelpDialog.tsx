// Keyboard shortcuts, from the same table the key handler uses. A native modal <dialog>: focus is
// trapped and Escape closes it without any code of ours.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS, type ShortcutAction } from '../editor/shortcuts';

/** The help text of an action (the three other arrows share the first one's row). */
const helpKey = (a: ShortcutAction) => (a.startsWith('nudge-') ? 'nudge' : a);
/** Key names with a word in them; the rest are printed on the keys themselves. */
const KEYS_WITH_WORDS: Partial<Record<ShortcutAction, string>> = { peek: 'peek', pan: 'pan' };

export function HelpDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // Start at the top (the title), not at the Close button at the bottom of a long list.
      dialog.querySelector<HTMLElement>('h2')?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="help"
      aria-labelledby="help-title"
      onClose={onClose}
      data-testid="help-dialog"
    >
      <h2 id="help-title" tabIndex={-1}>
        {t('help.title')}
      </h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('help.keys')}</th>
            <th scope="col">{t('help.action')}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.filter((s) => s.keys).map((s) => (
            <tr key={s.action}>
              <td>
                <kbd>
                  {KEYS_WITH_WORDS[s.action] ? t(`shortcutKeys.${KEYS_WITH_WORDS[s.action]}`) : s.keys}
                </kbd>
              </td>
              <td>{t(`shortcut.${helpKey(s.action)}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('help.mouseTitle')}</h3>
      <ul>
        <li>{t('help.mouse1')}</li>
        <li>{t('help.mouse2')}</li>
        <li>{t('help.mouse3')}</li>
        <li>{t('help.mouse4')}</li>
      </ul>
      <form method="dialog">
        <button type="submit" className="primary">
          {t('help.close')}
        </button>
      </form>
    </dialog>
  );
}
