// Asked before an export that would write a card with its number showing, or with its number masked
// whole where the last four should show (see export/guard.ts). A native modal <dialog> as an alert
// dialog: focus moves into it, Escape cancels, nothing is saved until one of the answers is chosen.
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
      dialog
        .querySelector<HTMLElement>(
          '[data-testid="guard-number-tool"], [data-testid="guard-check-last-four"]',
        )
        ?.focus();
    }
    if (!guard && dialog.open) dialog.close();
  }, [guard]);
  const labels = (ids: readonly string[] = []) =>
    ids
      .map((id) => getItem(state, id))
      .filter((i) => i !== undefined)
      .map(itemLabel);
  const names = labels(guard?.flagged);
  const one = names.length === 1;
  const hidden = labels(guard?.lastFourHidden);
  // With no page showing its number, the dialog is about the last four alone.
  const lastFourOnly = names.length === 0 && hidden.length > 0;
  const lastFourText =
    hidden.length === 1
      ? t('guard.lastFourOne', { name: hidden[0] })
      : t('guard.lastFourMany', { names: hidden.join(', ') });
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
      <h2 id="guard-title">{t(lastFourOnly ? 'guard.lastFourTitle' : 'guard.title')}</h2>
      <p id="guard-text">
        {lastFourOnly
          ? `${lastFourText} ${t('guard.lastFourBody')}`
          : `${one ? t('guard.textOne', { name: names[0] }) : t('guard.textMany', { names: names.join(', ') })} ${t('guard.body')}`}
      </p>
      {!lastFourOnly && hidden.length > 0 && <p data-testid="guard-last-four-also">{lastFourText}</p>}
      <div className="guard-buttons">
        {lastFourOnly ? (
          <button
            type="button"
            className="primary"
            data-testid="guard-check-last-four"
            onClick={() => void session.answerExportGuard('check')}
          >
            {t('guard.checkLastFour')}
          </button>
        ) : (
          <GuardToolButtons session={session} />
        )}
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

/** The answers for a card whose number shows: mark it with the number tool, or draw a mask. */
function GuardToolButtons({ session }: { session: Session }) {
  const { t } = useTranslation();
  return (
    <>
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
    </>
  );
}
