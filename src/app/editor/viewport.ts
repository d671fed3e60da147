// The view onto a page: stage scale and offset. Masks never see these numbers; only the Konva Stage
// and the conversions for pointer input do.
export interface View {
  scale: number;
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export const MIN_SCALE = 0.02;
export const MAX_SCALE = 16;
const FIT_MARGIN = 16;

/** The whole image, centred, as large as fits (never upscaled beyond 1:1 for small images). */
export function fitView(image: Size, viewport: Size): View {
  const availW = Math.max(1, viewport.width - 2 * FIT_MARGIN);
  const availH = Math.max(1, viewport.height - 2 * FIT_MARGIN);
  const scale = clampScale(Math.min(availW / image.width, availH / image.height, 1));
  return {
    scale,
    x: (viewport.width - image.width * scale) / 2,
    y: (viewport.height - image.height * scale) / 2,
  };
}

export function clampScale(s: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, s));
}

/** Zooms by `factor` keeping the source point under `anchor` (screen px, stage-relative) fixed. */
export function zoomAt(view: View, anchor: { x: number; y: number }, factor: number): View {
  const scale = clampScale(view.scale * factor);
  const src = toSource(view, anchor);
  return { scale, x: anchor.x - src.x * scale, y: anchor.y - src.y * scale };
}

export function toSource(view: View, p: { x: number; y: number }): { x: number; y: number } {
  return { x: (p.x - view.x) / view.scale, y: (p.y - view.y) / view.scale };
}

export function toScreen(view: View, p: { x: number; y: number }): { x: number; y: number } {
  return { x: view.x + p.x * view.scale, y: view.y + p.y * view.scale };
}

/** Wheel delta (pixels) to a zoom factor; smooth for trackpads, one notch ≈ 10% for mice. */
export function wheelZoomFactor(deltaY: number): number {
  return Math.pow(1.0015, -Math.max(-300, Math.min(300, deltaY)));
}
