// The list of pages being redacted and pure updates over it. One Item per page: a photo is one item,
// a PDF becomes one item per page once it is opened.
import type { CardEvidence } from '../../engine/detect/card-evidence';
import type { PageClassification } from '../../engine/documents/page-kinds';
import type { EngineErrorCode } from '../../engine/error-codes';
import type { Reader } from '../../engine/detect/leak-check';
import type { Finding, ImageFormat, Mask, Quad } from '../../engine/types';
import { createDoc, type Doc, type FindingChoice } from '../editor/doc';
import { commit, createHistory, redo, undo, type History } from '../editor/history';
import { t } from '../i18n/i18n';

export type ItemStatus = 'detecting' | 'ready' | 'error';

export interface VerifyState {
  state: 'checking' | 'clean' | 'leak' | 'failed';
  message: string;
  /** Where numbers were still read (source pixels of the page): the warning's "show me" button. */
  places?: readonly Quad[];
  /** The reader that re-read the export (the one that did not produce the findings). */
  checkedBy?: Reader;
  /** Every reader that re-read it: two when the page's numbers came from both readers. */
  checkedByAll?: readonly Reader[];
  /** Leaks the other reader's check found (the rest came from the engine's own re-read). */
  otherReaderLeaks?: number;
  /** The masks changed since: the warning stays, with a word that it describes the last export. */
  stale?: boolean;
}

export interface Item {
  /** Engine page id (photo: the file id; PDF page n: `${fileId}#${n}`). */
  readonly id: string;
  readonly fileId: string;
  /** The file name as dropped. */
  readonly name: string;
  readonly page?: { index: number; count: number; label: string };
  /** A page of a PDF: the PDF can be exported again as one redacted PDF of all its pages. */
  readonly fromPdf?: boolean;
  readonly status: ItemStatus;
  /** What is happening, or what went wrong, in words for the user. */
  readonly message: string;
  /** 0..1 while the OCR reports progress; null when unknown (waiting in the queue). */
  readonly progress: number | null;
  readonly bitmap?: ImageBitmap;
  readonly findings: readonly Finding[];
  /** What the page is (classified by the engine, or chosen by the user), shown and changeable beside it. */
  readonly pageKind?: PageClassification;
  /** Why the page looks like a payment card (see engine/detect/card-evidence.ts); the export guard. */
  readonly card?: CardEvidence;
  /** The reader behind the page's card numbers (the leak check uses the other one). */
  readonly reader?: Reader;
  /** Number tool strokes being read by the engine. */
  readonly marking?: number;
  readonly history: History<Doc>;
  readonly verify?: VerifyState;
  /** Finding switches clicked but not applied yet (the engine is making their masks), by finding id. */
  readonly pendingChoices?: Readonly<Record<string, Partial<FindingChoice>>>;
  /** Set when a PDF is protected: the item shows a password field. */
  readonly needsPassword?: boolean;
  /** With status 'error': the engine's failure code (engine/error-codes.ts); undefined for app bugs. */
  readonly errorCode?: EngineErrorCode;
}

export interface WatermarkChoice {
  readonly enabled: boolean;
  readonly recipient: string;
  readonly purpose: string;
  /** The whole printed line as the user rewrote it; unset: the default line in the current language. */
  readonly text?: string;
}

/** Which export is writing a file: one at a time, so a double click never saves twice. */
export type ExportKind = 'image' | 'zip' | 'pdf';

/**
 * An export held back (see export/guard.ts): pages look like cards with no card number masked, or
 * have a card number masked whole where its last four should show.
 */
export interface ExportGuard {
  readonly kind: 'image' | 'zip';
  /** The pages the export would write. */
  readonly itemIds: readonly string[];
  /** Those among them that show a card with no card-number mask. */
  readonly flagged: readonly string[];
  /** Those among them whose card number's last four the export would not show (hidesLastFour). */
  readonly lastFourHidden: readonly string[];
}

export interface AppState {
  readonly items: readonly Item[];
  readonly selectedId: string | null;
  readonly format: ImageFormat;
  /** "Copy for <recipient> - <purpose> - <date>" tiled over exports (ID copies). */
  readonly watermark: WatermarkChoice;
  /** App-wide notice (export done, ZIP written...), announced politely. */
  readonly notice: string;
  /** When the notice says an export failed in the engine: the failure's code (engine/error-codes.ts). */
  readonly noticeCode?: EngineErrorCode;
  readonly exporting: ExportKind | null;
  /**
   * The images of the last export, offered to the share sheet (Web Share API) where the browser can
   * share files. Redacted pixels only; dropped by "Clear all" and by the next export.
   */
  readonly shareable: readonly File[];
  /** The export waiting for the user's answer in the guard dialog; nothing is written meanwhile. */
  readonly exportGuard?: ExportGuard;
}

export const initialState: AppState = {
  items: [],
  selectedId: null,
  format: 'png',
  watermark: { enabled: false, recipient: '', purpose: '' },
  notice: '',
  exporting: null,
  shareable: [],
};

export function pendingItem(fileId: string, name: string): Item {
  return {
    id: fileId,
    fileId,
    name,
    status: 'detecting',
    message: t('items.waitingQueue'),
    progress: null,
    findings: [],
    history: createHistory(createDoc(0, 0)),
  };
}

export function itemLabel(item: Item): string {
  return item.page && item.page.count > 1
    ? `${item.name} (${item.page.label || t('items.pageShort', { page: item.page.index + 1 })})`
    : item.name;
}

export const maskCount = (item: Item) => item.history.present.masks.length;

export function getItem(s: AppState, id: string | null): Item | undefined {
  return id === null ? undefined : s.items.find((i) => i.id === id);
}

export function patchItem(s: AppState, id: string, patch: Partial<Item>): AppState {
  if (!s.items.some((i) => i.id === id)) return s;
  return { ...s, items: s.items.map((i) => (i.id === id ? { ...i, ...patch } : i)) };
}

/** The pages still in the list of the PDF `fileId` came from, in page order. */
export function pdfPages(s: AppState, fileId: string): Item[] {
  return s.items
    .filter((i) => i.fileId === fileId && i.fromPdf)
    .sort((a, b) => (a.page?.index ?? 0) - (b.page?.index ?? 0));
}

/** Why a PDF cannot be exported yet, or null when every page is ready. */
export function pdfExportBlocker(pages: readonly Item[]): string | null {
  if (pages.length === 0) return t('export.noPageLeft');
  const waiting = pages.filter((p) => p.status === 'detecting').length;
  if (waiting > 0) return t('export.waitingPages', { count: waiting });
  const failed = pages.filter((p) => p.status !== 'ready').length;
  if (failed > 0) return t('export.failedPages', { count: failed });
  return null;
}

/** Swaps one item for several (a PDF placeholder for its pages), keeping its place in the list. */
export function replaceItem(s: AppState, id: string, next: readonly Item[]): AppState {
  const at = s.items.findIndex((i) => i.id === id);
  if (at < 0) return s;
  const items = [...s.items.slice(0, at), ...next, ...s.items.slice(at + 1)];
  const selectedId = s.selectedId === id ? (next[0]?.id ?? null) : s.selectedId;
  return { ...s, items, selectedId };
}

export function removeItem(s: AppState, id: string): AppState {
  const at = s.items.findIndex((i) => i.id === id);
  if (at < 0) return s;
  const items = s.items.filter((i) => i.id !== id);
  const selectedId = s.selectedId === id ? (items[Math.min(at, items.length - 1)]?.id ?? null) : s.selectedId;
  return { ...s, items, selectedId };
}

/** Applies one undoable edit to an item's doc. */
export function editItem(s: AppState, id: string, edit: (doc: Doc) => Doc): AppState {
  const item = getItem(s, id);
  if (!item || item.status !== 'ready') return s;
  const history = commit(item.history, edit(item.history.present));
  return history === item.history ? s : patchItem(s, id, { history, verify: leakOnly(item.verify) });
}

/** After an edit a clean check no longer holds, but a leak keeps its warning until the next export. */
const leakOnly = (v: VerifyState | undefined): VerifyState | undefined =>
  v?.state === 'leak' ? { ...v, stale: true } : undefined;

export function undoItem(s: AppState, id: string): AppState {
  const item = getItem(s, id);
  if (!item) return s;
  const history = undo(item.history);
  return history === item.history ? s : patchItem(s, id, { history, verify: leakOnly(item.verify) });
}

export function redoItem(s: AppState, id: string): AppState {
  const item = getItem(s, id);
  if (!item) return s;
  const history = redo(item.history);
  return history === item.history ? s : patchItem(s, id, { history, verify: leakOnly(item.verify) });
}

/** The masks the user drew on a page: they survive a new detection (another page kind, say). */
export const manualMasks = (doc: Doc): Mask[] => doc.masks.filter((m) => m.source === 'manual');

/** Detection finished: its masks become the starting point, which undo never removes. */
export function detected(
  s: AppState,
  id: string,
  findings: readonly Finding[],
  doc: Doc,
  pageKind?: PageClassification,
  card?: CardEvidence,
  reader?: Reader,
): AppState {
  const n = findings.length;
  return patchItem(s, id, {
    status: 'ready',
    progress: 1,
    findings,
    pageKind,
    card,
    reader,
    history: createHistory(doc),
    message: n === 0 ? t('items.nothingFound') : t('items.foundMasks', { found: n, count: doc.masks.length }),
  });
}
