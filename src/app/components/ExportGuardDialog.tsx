// Asked before an export that would write a card with its number showing (see export/guard.ts). A
// native modal <dialog> as an alert dialog: focus moves into it, Escape cancels, nothing is saved
// until one of the three answers is chosen.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { getItem, itemLabel, type AppState } from '../session/items';
import type { Session } from '../session/session';

export function ExportGuardDialog({ session, state }: { session: Session; state: AppState }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const guard = state.exportGuard;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (guard && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[data-testid="guard-number-tool"]')?.focus();
    }
    if (!guard && dialog.open) dialog.close();
  }, [guard]);
  const names = (guard?.flagged ?? [])
    .map((id) => getItem(state, id))
    .filter((i) => i !== undefined)
    .map(itemLabel);
  const one = names.length === 1;
  return (
    <dialog
      ref={ref}
      className="guard"
      role="alertdialog"
      aria-labelledby="guard-title"
      aria-describedby="guard-text"
      data-testid="export-guard"
      onClose={() => void session.answerExportGuard('cancel')}
    >
      <h2 id="guard-title">{t('guard.title')}</h2>
      <p id="guard-text">
        {one ? t('guard.textOne', { name: names[0] }) : t('guard.textMany', { names: names.join(', ') })}{' '}
        {t('guard.body')}
      </p>
      <div className="guard-buttons">
        <button
          type="button"
          className="primary"
          data-testid="guard-number-tool"
          onClick={() => void session.answerExportGuard('number')}
        >
          {t('guard.numberTool')}
        </button>
        <button type="button" data-testid="guard-draw" onClick={() => void session.answerExportGuard('draw')}>
          {t('guard.draw')}
        </button>
        <button
          type="button"
          className="danger"
          data-testid="guard-export-anyway"
          onClick={() => void session.answerExportGuard('export')}
        >
          {t('guard.exportAnyway')}
        </button>
      </div>
    </dialog>
  );
}
