// The photo with its masks: zoom (wheel, pinch, buttons), pan (drag the background), select, move,
// resize and rotate masks, and draw new ones. The stage scale is only the view; masks stay in
// source pixels, and each gesture reaches the document once, when it ends.
import { useCallback, useEffect, useRef, useState } from 'react';
import Konva from 'konva';
import { useTranslation } from 'react-i18next';
import { Arrow, Image as KImage, Layer, Rect, Stage, Transformer } from 'react-konva';
import { rectFromPoints, type MaskGeometry } from '../editor/geometry';
import type { Point } from '../../engine/types';
import { wheelZoomFactor, type View } from '../editor/viewport';
import type { Item } from '../session/items';
import type { Session } from '../session/session';
import { useStore } from '../session/store';
import { setActiveStage } from './active-stage';
import { MaskRect } from './MaskRect';
import { pinchStep, type Pinch } from './pinch';

// Pinch needs hit events while the stage is being dragged (Konva's multi-touch recipe).
Konva.hitOnDragEnabled = true;

/** Smallest mask a drag may draw, in screen pixels: anything less was a click, not a drawing. */
const MIN_DRAW_PX = 4;
/** Shortest number tool stroke, in screen pixels: anything less was a tap. */
const MIN_STROKE_SCREEN_PX = 10;

export function EditorStage({ session, item }: { session: Session; item: Item }) {
  const { t } = useTranslation();
  const ui = useStore(session.ui.store);
  const doc = item.history.present;
  const view = session.ui.viewFor(item.id, doc);
  const editable = item.status === 'ready' && !ui.peek;
  const containerRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<Konva.Stage>(null);
  const trRef = useRef<Konva.Transformer>(null);
  const drawStart = useRef<{ x: number; y: number } | null>(null);
  const pinch = useRef<Pinch | null>(null);
  const [draft, setDraft] = useState<MaskGeometry | null>(null);
  // The number tool's stroke while it is drawn: first digit's centre to the pointer, source pixels.
  const [stroke, setStroke] = useState<{ from: Point; to: Point } | null>(null);
  const strokeRef = useRef<{ from: Point; to: Point } | null>(null);

  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => {
      const { width, height } = entry.contentRect;
      session.ui.setViewport({ width: Math.floor(width), height: Math.floor(height) });
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [session]);

  useEffect(() => {
    setActiveStage(stageRef.current);
    return () => setActiveStage(null);
  });

  // The Transformer follows the selection; attaching it is imperative in Konva.
  useEffect(() => {
    const tr = trRef.current;
    const stage = stageRef.current;
    if (!tr || !stage) return;
    const id = ui.selectedMaskId;
    const node =
      id && ui.tool === 'select' && editable ? stage.findOne((n: Konva.Node) => n.id() === id) : undefined;
    tr.nodes(node ? [node] : []);
    tr.getLayer()?.batchDraw();
  }, [ui.selectedMaskId, ui.tool, editable, doc]);

  const onSelect = useCallback((id: string) => session.ui.selectMask(id), [session]);
  const onChange = useCallback(
    (id: string, g: Partial<MaskGeometry>, node: Konva.Node) => {
      // A second finger turned a one-finger mask drag into a pinch: the mask was not meant to move.
      const stored = pinch.current ? session.ui.maskById(id) : session.ui.updateMask(id, g);
      // If rounding/clamping brought the mask back to its old geometry, React sees no prop change:
      // put the node where the data says it is.
      if (stored)
        node.setAttrs({
          x: stored.x,
          y: stored.y,
          width: stored.width,
          height: stored.height,
          rotation: stored.rotation,
        });
    },
    [session],
  );

  const setView = (v: View) => session.ui.setView(item.id, v);

  const finishDraw = (stage: Konva.Stage) => {
    const start = drawStart.current;
    drawStart.current = null;
    setDraft(null);
    if (!start) return;
    const end = stage.getRelativePointerPosition() ?? start;
    const g = rectFromPoints(start, end);
    if (g.width * view.scale < MIN_DRAW_PX || g.height * view.scale < MIN_DRAW_PX) return;
    session.ui.addManualMask(g);
  };

  const finishStroke = () => {
    const s = strokeRef.current;
    strokeRef.current = null;
    setStroke(null);
    if (!s) return;
    // A tap is no stroke: the number tool needs the first digit and the last.
    if (Math.hypot(s.to.x - s.from.x, s.to.y - s.from.y) * view.scale < MIN_STROKE_SCREEN_PX) return;
    void session.markNumber(item.id, s);
  };

  const startStroke = (stage: Konva.Stage) => {
    const p = stage.getRelativePointerPosition();
    if (!p) return;
    strokeRef.current = { from: p, to: p };
    setStroke(strokeRef.current);
    const up = () => {
      cleanup();
      const end = stage.getRelativePointerPosition();
      if (end && strokeRef.current) strokeRef.current = { ...strokeRef.current, to: end };
      finishStroke();
    };
    const key = (k: KeyboardEvent) => {
      if (k.key !== 'Escape') return;
      cleanup();
      strokeRef.current = null;
      setStroke(null);
    };
    const cleanup = () => {
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', cancel);
      window.removeEventListener('keydown', key);
    };
    const cancel = () => {
      cleanup();
      strokeRef.current = null;
      setStroke(null);
    };
    window.addEventListener('pointerup', up);
    window.addEventListener('pointercancel', cancel);
    window.addEventListener('keydown', key);
  };

  const onPointerDown = (e: Konva.KonvaEventObject<PointerEvent>) => {
    const stage = e.target.getStage();
    if (!stage) return;
    containerRef.current?.focus({ preventScroll: true });
    if (ui.tool === 'number' && editable && !ui.panHeld && e.evt.isPrimary && e.evt.button <= 0) {
      startStroke(stage);
    } else if (ui.tool === 'draw' && editable && !ui.panHeld && e.evt.isPrimary && e.evt.button <= 0) {
      drawStart.current = stage.getRelativePointerPosition();
      // Released outside the stage, or Escape: finish or cancel the drawing anyway.
      const up = () => {
        cleanup();
        finishDraw(stage);
      };
      const key = (k: KeyboardEvent) => {
        if (k.key !== 'Escape') return;
        cleanup();
        drawStart.current = null;
        setDraft(null);
      };
      const cleanup = () => {
        window.removeEventListener('pointerup', up);
        window.removeEventListener('keydown', key);
      };
      window.addEventListener('pointerup', up);
      window.addEventListener('keydown', key);
    } else if (e.target === stage) {
      session.ui.selectMask(null);
    }
  };

  const onPointerMove = (e: Konva.KonvaEventObject<PointerEvent>) => {
    const start = drawStart.current;
    const p = e.target.getStage()?.getRelativePointerPosition();
    if (start && p) setDraft(rectFromPoints(start, p));
    if (strokeRef.current && p) {
      strokeRef.current = { ...strokeRef.current, to: p };
      setStroke(strokeRef.current);
    }
  };

  const onWheel = (e: Konva.KonvaEventObject<WheelEvent>) => {
    e.evt.preventDefault();
    const p = e.target.getStage()?.getPointerPosition();
    if (p) session.ui.zoomBy(wheelZoomFactor(e.evt.deltaY), p);
  };

  const onTouchMove = (e: Konva.KonvaEventObject<TouchEvent>) => {
    const t = e.evt.touches;
    const stage = e.target.getStage();
    if (t.length !== 2 || !stage) return;
    e.evt.preventDefault();
    const rect = stage.container().getBoundingClientRect();
    const a = { x: t[0].clientX - rect.left, y: t[0].clientY - rect.top };
    const b = { x: t[1].clientX - rect.left, y: t[1].clientY - rect.top };
    const step = pinchStep(pinch.current, a, b, view);
    pinch.current = step.pinch;
    // Whatever the first finger started (pan, mask drag, resize, drawing) gives way to the pinch.
    if (stage.isDragging()) stage.stopDrag();
    stage.find('.mask').forEach((n) => n.isDragging() && n.stopDrag());
    if (trRef.current?.isTransforming()) trRef.current.stopTransform();
    drawStart.current = null;
    setDraft(null);
    strokeRef.current = null;
    setStroke(null);
    if (step.view) setView(step.view);
  };

  const { width, height } = ui.viewport;
  return (
    <div
      ref={containerRef}
      className={`stage-wrap tool-${ui.tool}${ui.panHeld ? ' panning' : ''}`}
      data-testid="editor-stage"
      tabIndex={0}
      role="application"
      aria-roledescription={t('editor.roledescription')}
      aria-label={t('editor.label', { name: item.name, count: doc.masks.length })}
    >
      {width > 0 && height > 0 && (
        <Stage
          ref={stageRef}
          width={width}
          height={height}
          scaleX={view.scale}
          scaleY={view.scale}
          x={view.x}
          y={view.y}
          draggable={ui.tool === 'select' || !editable || ui.panHeld}
          onDragEnd={(e) => {
            if (e.target === e.target.getStage())
              setView({ scale: view.scale, x: e.target.x(), y: e.target.y() });
          }}
          onWheel={onWheel}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onTouchMove={onTouchMove}
          onTouchEnd={() => (pinch.current = null)}
        >
          <Layer listening={false}>
            {item.bitmap && <KImage image={item.bitmap} width={doc.width} height={doc.height} />}
          </Layer>
          <Layer visible={!ui.peek}>
            {doc.masks.map((m) => (
              <MaskRect
                key={m.id}
                mask={m}
                selected={m.id === ui.selectedMaskId}
                editable={editable && ui.tool === 'select'}
                onSelect={onSelect}
                onChange={onChange}
              />
            ))}
            {draft && (
              <Rect
                {...draft}
                fill="rgba(0,0,0,0.6)"
                stroke="#38bdf8"
                strokeWidth={1}
                strokeScaleEnabled={false}
              />
            )}
            {stroke && (
              <Arrow
                points={[stroke.from.x, stroke.from.y, stroke.to.x, stroke.to.y]}
                stroke="#38bdf8"
                fill="#38bdf8"
                strokeWidth={3}
                pointerLength={10}
                pointerWidth={10}
                strokeScaleEnabled={false}
                listening={false}
              />
            )}
            <Transformer
              ref={trRef}
              flipEnabled={false}
              keepRatio={false}
              ignoreStroke
              anchorSize={12}
              rotationSnaps={[0, 90, 180, 270]}
              rotationSnapTolerance={4}
              borderStroke="#38bdf8"
              anchorStroke="#38bdf8"
              boundBoxFunc={(oldBox, newBox) =>
                Math.abs(newBox.width) < MIN_DRAW_PX || Math.abs(newBox.height) < MIN_DRAW_PX
                  ? oldBox
                  : newBox
              }
            />
          </Layer>
        </Stage>
      )}
      {ui.peek && <p className="peek-badge">{t('editor.peekBadge')}</p>}
      {/* The analysis' progress over the photo itself: on a phone the list that also shows it is
          below the fold, and the photo sits there unmasked with Export off until it ends. */}
      {item.status === 'detecting' && (
        <p className="stage-progress" data-testid="stage-progress" aria-hidden="true">
          <span>{item.message}</span>
          <progress max={1} value={item.progress ?? undefined} />
        </p>
      )}
    </div>
  );
}
