// The screen: header, the list of images, the editor, and what was found beside it.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EditorStage } from './canvas/EditorStage';
import { ActionBar } from './components/ActionBar';
import { EmptyState } from './components/EmptyState';
import { ExportGuardDialog } from './components/ExportGuardDialog';
import { ExportPanel } from './components/ExportPanel';
import { FindingsPanel } from './components/FindingsPanel';
import { HelpDialog } from './components/HelpDialog';
import { LanguagePicker } from './components/LanguagePicker';
import { ItemList } from './components/ItemList';
import { OfflineIndicator } from './components/OfflineIndicator';
import { Toolbar } from './components/Toolbar';
import { useFileIntake } from './components/useFileIntake';
import { receiveSharedFiles } from './pwa/share-target';
import { UpdatePrompt } from './pwa/UpdatePrompt';
import { getItem } from './session/items';
import { Session } from './session/session';
import { useStore } from './session/store';
import { installTestHook } from './test-hook';
import { statusText, useEngine } from './useEngine';
import { useShortcuts } from './useShortcuts';

export function App() {
  const { t } = useTranslation();
  const { engine, ocr, models } = useEngine();
  const [session] = useState(() => new Session(engine));
  const state = useStore(session.store);
  const ui = useStore(session.ui.store);
  const item = getItem(state, state.selectedId);

  useEffect(() => installTestHook(engine, session), [engine, session]);
  useShortcuts(session);
  const addFiles = useCallback((files: File[]) => session.addFiles(files), [session]);
  const dragging = useFileIntake(addFiles);
  useEffect(
    () =>
      receiveSharedFiles((files) => {
        session.addFiles(files);
        session.setNotice(t('notice.sharedIn', { count: files.length }));
      }),
    [session, t],
  );

  return (
    <div className={`app${dragging ? ' dragging' : ''}`}>
      <header className="top">
        <h1>LastFour</h1>
        <p className="tagline">{t('app.tagline')}</p>
        <div className="top-status">
          <span
            className={`ocr ocr-${ocr.state}`}
            role="status"
            data-testid="ocr-status"
            data-state={ocr.state}
          >
            {statusText('ocr', ocr)}
          </span>
          <span
            className={`ocr ocr-${models.state}`}
            role="status"
            data-testid="models-status"
            data-state={models.state}
          >
            {statusText('models', models)}
          </span>
          <OfflineIndicator />
        </div>
        <div className="top-actions">
          <LanguagePicker />
          <button
            type="button"
            onClick={() => session.ui.setHelp(true)}
            aria-keyshortcuts="?"
            data-testid="help-button"
          >
            {t('app.shortcutsButton')}
          </button>
          <button
            type="button"
            className="danger"
            data-testid="clear-all-button"
            disabled={state.items.length === 0}
            onClick={() => void session.clearAll()}
          >
            {t('app.clearAll')}
          </button>
        </div>
      </header>
      <UpdatePrompt />
      {models.state === 'error' && (
        <div className="models-notice" role="status" aria-live="polite" data-testid="models-notice">
          {t('app.modelsNotice', { detail: models.message.replace(/\.$/, '') })}
        </div>
      )}
      <main className={state.items.length === 0 ? 'main empty-main' : 'main workspace'}>
        {state.items.length === 0 ? (
          <EmptyState onFiles={addFiles} />
        ) : (
          <>
            <ItemList session={session} items={state.items} selectedId={state.selectedId} />
            <section className="editor" aria-label={t('app.editorRegion')}>
              {item && <Toolbar session={session} item={item} />}
              {item?.bitmap ? (
                <EditorStage key={item.id} session={session} item={item} />
              ) : (
                <div className="stage-placeholder">
                  <p>{item?.status === 'error' ? item.message : (item?.message ?? t('app.selectImage'))}</p>
                </div>
              )}
            </section>
            <aside className="side" aria-label={t('app.sideRegion')}>
              {item && <FindingsPanel session={session} item={item} />}
              <ExportPanel session={session} state={state} item={item} />
            </aside>
          </>
        )}
      </main>
      {state.items.length > 0 && <ActionBar session={session} state={state} item={item} />}
      <p className="notice" role="status" aria-live="polite" data-testid="notice">
        {state.notice}
      </p>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          {t('app.dropOverlay')}
        </div>
      )}
      <HelpDialog open={ui.helpOpen} onClose={() => session.ui.setHelp(false)} />
      <ExportGuardDialog session={session} state={state} />
    </div>
  );
}
