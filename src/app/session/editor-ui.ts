// Editor state that is not part of the document and never undone: tool, selection, peek, help, and
// the view (zoom/pan) per page. Kept apart from the items so a pan does not re-render the list.
import type { Mask } from '../../engine/types';
import { addMask, deleteMasks, nudgeMasks, updateMask } from '../editor/commands';
import type { MaskGeometry } from '../editor/geometry';
import { clampScale, fitView, toSource, zoomAt, type Size, type View } from '../editor/viewport';
import { t } from '../i18n/i18n';
import { getItem } from './items';
import type { Session } from './session';
import { createStore } from './store';

/** select: move and resize masks; draw: drag out a mask; number: drag from a number's first digit to its last. */
export type Tool = 'select' | 'draw' | 'number';

export interface UiState {
  readonly tool: Tool;
  readonly selectedMaskId: string | null;
  readonly peek: boolean;
  /** Space held: dragging pans the view whatever the tool (so the draw tool can pan too). */
  readonly panHeld: boolean;
  readonly helpOpen: boolean;
  /** Views the user changed, by item id; an item without one is fitted to the viewport. */
  readonly views: Readonly<Record<string, View>>;
  readonly viewport: Size;
}

const initialUi: UiState = {
  tool: 'select',
  selectedMaskId: null,
  peek: false,
  panHeld: false,
  helpOpen: false,
  views: {},
  viewport: { width: 0, height: 0 },
};

export class EditorUi {
  readonly store = createStore<UiState>(initialUi);

  constructor(private readonly session: Session) {}

  get state(): UiState {
    return this.store.get();
  }

  private set(patch: Partial<UiState>): void {
    this.store.set((s) => {
      const changed = (Object.keys(patch) as (keyof UiState)[]).some((k) => s[k] !== patch[k]);
      return changed ? { ...s, ...patch } : s;
    });
  }

  private get item() {
    const s = this.session.state;
    return getItem(s, s.selectedId);
  }

  setTool = (tool: Tool) => this.set({ tool });
  selectMask = (id: string | null) => this.set({ selectedMaskId: id });
  setPeek = (peek: boolean) => this.set({ peek });
  setPanHeld = (panHeld: boolean) => this.set({ panHeld });
  setHelp = (helpOpen: boolean) => this.set({ helpOpen });
  setViewport = (viewport: Size) => {
    const v = this.state.viewport;
    if (v.width !== viewport.width || v.height !== viewport.height) this.set({ viewport });
  };

  viewFor(itemId: string, image: Size): View {
    return this.state.views[itemId] ?? fitView(image, this.state.viewport);
  }

  setView(itemId: string, view: View): void {
    this.set({ views: { ...this.state.views, [itemId]: view } });
  }

  fit(): void {
    const item = this.item;
    if (!item) return;
    const views = { ...this.state.views };
    delete views[item.id];
    this.set({ views });
  }

  /** Zooms the selected page about a stage point (the viewport centre by default). */
  zoomBy(factor: number, anchor?: { x: number; y: number }): void {
    const item = this.item;
    if (!item) return;
    const doc = item.history.present;
    const { viewport } = this.state;
    const at = anchor ?? { x: viewport.width / 2, y: viewport.height / 2 };
    this.setView(item.id, zoomAt(this.viewFor(item.id, doc), at, factor));
  }

  /**
   * Brings a place of the selected page into view (a leak the export check read): centred, zoomed in
   * as far as it still fits in most of the viewport, never beyond 4x the fitted scale.
   */
  showPlace(corners: readonly { x: number; y: number }[]): void {
    const item = this.item;
    if (!item || corners.length === 0) return;
    const doc = item.history.present;
    const { viewport } = this.state;
    const xs = corners.map((p) => p.x);
    const ys = corners.map((p) => p.y);
    const w = Math.max(1, Math.max(...xs) - Math.min(...xs));
    const h = Math.max(1, Math.max(...ys) - Math.min(...ys));
    const fitted = fitView(doc, viewport).scale;
    const scale = clampScale(
      Math.max(fitted, Math.min(4 * fitted, (0.8 * viewport.width) / w, (0.8 * viewport.height) / h)),
    );
    const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
    const cy = (Math.max(...ys) + Math.min(...ys)) / 2;
    this.setView(item.id, { scale, x: viewport.width / 2 - cx * scale, y: viewport.height / 2 - cy * scale });
  }

  // Mask edits on the selected page, as the toolbar and keyboard issue them.

  addManualMask(g: MaskGeometry): void {
    const item = this.item;
    if (!item || item.status !== 'ready') return;
    const mask: Mask = {
      id: `manual-${crypto.randomUUID()}`,
      ...g,
      kind: 'manual',
      source: 'manual',
      confidence: 1,
      label: t('editor.drawnMask'),
    };
    this.session.edit(item.id, (doc) => addMask(doc, mask));
    this.selectMask(mask.id);
  }

  /** A mask in the middle of what is on screen: the keyboard way to start a new mask. */
  addMaskInView(): void {
    const item = this.item;
    if (!item) return;
    const doc = item.history.present;
    const view = this.viewFor(item.id, doc);
    const { width, height } = this.state.viewport;
    const c = toSource(view, { x: width / 2, y: height / 2 });
    const w = Math.max(8, Math.round(doc.width / 5));
    const h = Math.max(8, Math.round(doc.height / 12));
    this.addManualMask({ x: c.x - w / 2, y: c.y - h / 2, width: w, height: h, rotation: 0 });
  }

  /** Applies a gesture's end result; returns the mask as stored (rounded, clamped). */
  updateMask(id: string, patch: Partial<MaskGeometry>): Mask | undefined {
    const item = this.item;
    if (!item) return undefined;
    this.session.edit(item.id, (doc) => updateMask(doc, id, patch));
    return getItem(this.session.state, item.id)?.history.present.masks.find((m) => m.id === id);
  }

  maskById(id: string): Mask | undefined {
    return this.item?.history.present.masks.find((m) => m.id === id);
  }

  deleteSelected(): void {
    const item = this.item;
    const id = this.state.selectedMaskId;
    if (!item || !id) return;
    this.session.edit(item.id, (doc) => deleteMasks(doc, [id]));
    this.selectMask(null);
  }

  nudgeSelected(dx: number, dy: number): void {
    const item = this.item;
    const id = this.state.selectedMaskId;
    if (item && id) this.session.edit(item.id, (doc) => nudgeMasks(doc, [id], dx, dy));
  }

  cycleSelection(step: 1 | -1): void {
    const masks = this.item?.history.present.masks ?? [];
    if (masks.length === 0) return;
    const at = masks.findIndex((m) => m.id === this.state.selectedMaskId);
    const next = at < 0 ? (step > 0 ? 0 : masks.length - 1) : (at + step + masks.length) % masks.length;
    this.selectMask(masks[next].id);
  }

  undo(): void {
    const item = this.item;
    if (item) this.session.undo(item.id);
    this.dropStaleSelection();
  }

  redo(): void {
    const item = this.item;
    if (item) this.session.redo(item.id);
    this.dropStaleSelection();
  }

  dropStaleSelection(): void {
    const id = this.state.selectedMaskId;
    if (id && !this.item?.history.present.masks.some((m) => m.id === id)) this.selectMask(null);
  }
}
