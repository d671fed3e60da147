// Export the selected image, all of them, or a PDF's pages as one PDF, then report what the re-read
// of the output found. While one export writes, every export button is disabled.
import { useTranslation } from 'react-i18next';
import type { ImageFormat } from '../../engine/types';
import { defaultWatermarkText, watermarkPreview } from '../export/watermark';
import { pdfExportBlocker, pdfPages, type AppState, type ExportKind, type Item } from '../session/items';
import { canShareFiles, type Session } from '../session/session';

export function ExportPanel({ session, state, item }: { session: Session; state: AppState; item?: Item }) {
  const { t } = useTranslation();
  const ready = state.items.filter((i) => i.status === 'ready').length;
  const busy = state.exporting !== null;
  const label = (kind: ExportKind, idle: string) => (state.exporting === kind ? t('export.exporting') : idle);
  return (
    <section className="export" aria-labelledby="export-title">
      <h2 id="export-title">{t('export.title')}</h2>
      <label className="format">
        {t('export.format')}{' '}
        <select value={state.format} onChange={(e) => session.setFormat(e.target.value as ImageFormat)}>
          <option value="png">{t('export.png')}</option>
          <option value="jpeg">{t('export.jpeg')}</option>
        </select>
      </label>
      <WatermarkFields session={session} state={state} />
      <div className="export-buttons">
        <button
          type="button"
          className="primary"
          data-testid="export-button"
          disabled={busy || item?.status !== 'ready'}
          aria-busy={state.exporting === 'image'}
          onClick={() => void session.exportSelected()}
        >
          {label('image', t('export.thisImage'))}
        </button>
        <button
          type="button"
          data-testid="export-all-button"
          disabled={busy || ready === 0}
          aria-busy={state.exporting === 'zip'}
          onClick={() => void session.exportAll()}
        >
          {label('zip', t('export.all', { count: ready }))}
        </button>
        {canShareFiles(state.shareable) && (
          <button
            type="button"
            data-testid="share-button"
            disabled={busy}
            onClick={() => void session.share()}
          >
            {t('export.share')}
          </button>
        )}
        {item?.fromPdf && <PdfExport session={session} state={state} item={item} />}
      </div>
      {item?.verify && (
        <p
          className={`verify verify-${item.verify.state}`}
          data-testid="verify-message"
          data-state={item.verify.state}
          data-stale={item.verify.stale ? 'true' : undefined}
          data-checked-by={item.verify.checkedBy}
          data-checked-by-all={item.verify.checkedByAll?.join(' ')}
          data-other-reader-leaks={item.verify.otherReaderLeaks}
          role={item.verify.state === 'leak' ? 'alert' : undefined}
        >
          {item.verify.message}
          {item.verify.stale && <> {t('verify.stale')}</>}
          {item.verify.places?.length ? (
            <>
              {' '}
              <button
                type="button"
                data-testid="leak-jump"
                onClick={() => {
                  session.select(item.id);
                  session.ui.showPlace(item.verify?.places?.[0] ?? []);
                  session.ui.setTool('select');
                }}
              >
                {t('verify.showPlace')}
              </button>
            </>
          ) : null}
        </p>
      )}
    </section>
  );
}

/** The PDF the selected page belongs to, again as one PDF: offered once every page is analysed. */
function PdfExport({ session, state, item }: { session: Session; state: AppState; item: Item }) {
  const { t } = useTranslation();
  const pages = pdfPages(state, item.fileId);
  const blocker = pdfExportBlocker(pages);
  const n = pages.length;
  return (
    <>
      <button
        type="button"
        data-testid="export-pdf-button"
        disabled={state.exporting !== null || blocker !== null}
        aria-busy={state.exporting === 'pdf'}
        aria-describedby={blocker ? 'export-pdf-why' : undefined}
        title={blocker ?? undefined}
        onClick={() => void session.exportPdf(item.fileId)}
      >
        {state.exporting === 'pdf' ? t('export.exporting') : t('export.pdf', { count: n })}
      </button>
      {blocker && (
        <p className="hint" id="export-pdf-why" data-testid="export-pdf-why">
          {blocker}
        </p>
      )}
    </>
  );
}

/** ID copies: "Copy for <recipient> - <purpose> - <date>" across the exported image. */
function WatermarkFields({ session, state }: { session: Session; state: AppState }) {
  const { t } = useTranslation();
  const w = state.watermark;
  return (
    <fieldset className="watermark">
      <legend>
        <label>
          <input
            type="checkbox"
            checked={w.enabled}
            onChange={(e) => session.setWatermark({ enabled: e.target.checked })}
            data-testid="watermark-toggle"
          />
          {t('watermark.toggle')}
        </label>
      </legend>
      {w.enabled && (
        <>
          <label>
            {t('watermark.recipient')}
            <input
              type="text"
              value={w.recipient}
              placeholder={t('watermark.recipientPlaceholder')}
              onChange={(e) => session.setWatermark({ recipient: e.target.value })}
              data-testid="watermark-recipient"
            />
          </label>
          <label>
            {t('watermark.purpose')}
            <input
              type="text"
              value={w.purpose}
              placeholder={t('watermark.purposePlaceholder')}
              onChange={(e) => session.setWatermark({ purpose: e.target.value })}
              data-testid="watermark-purpose"
            />
          </label>
          <label>
            {t('watermark.text')}
            <input
              type="text"
              value={w.text ?? (w.recipient.trim() ? defaultWatermarkText(w.recipient, w.purpose) : '')}
              onChange={(e) => session.setWatermark({ text: e.target.value })}
              data-testid="watermark-text"
            />
          </label>
          {w.text !== undefined && (
            <button type="button" onClick={() => session.setWatermark({ text: undefined })}>
              {t('watermark.reset')}
            </button>
          )}
          <p className="hint" aria-live="polite">
            {w.recipient.trim() || w.text?.trim()
              ? t('watermark.prints', { text: watermarkPreview(w) })
              : t('watermark.needRecipient')}
          </p>
        </>
      )}
    </fieldset>
  );
}
