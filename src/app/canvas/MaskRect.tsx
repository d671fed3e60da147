// One mask on the stage. Thin on purpose: it reports gesture ends and leaves geometry rules to the
// commands. Memoised so a pan or a draft rectangle does not re-render fifty masks.
import { memo } from 'react';
import type Konva from 'konva';
import { Rect } from 'react-konva';
import type { Mask } from '../../engine/types';
import type { MaskGeometry } from '../editor/geometry';

export interface MaskRectProps {
  mask: Mask;
  selected: boolean;
  editable: boolean;
  onSelect(id: string): void;
  /** Called once per gesture (drag end, transform end) with the node's new geometry. */
  onChange(id: string, g: Partial<MaskGeometry>, node: Konva.Node): void;
}

export const MaskRect = memo(function MaskRect({
  mask,
  selected,
  editable,
  onSelect,
  onChange,
}: MaskRectProps) {
  return (
    <Rect
      id={mask.id}
      name="mask"
      x={mask.x}
      y={mask.y}
      width={mask.width}
      height={mask.height}
      rotation={mask.rotation}
      fill="#000"
      stroke={selected ? '#38bdf8' : mask.source === 'auto' ? '#f59e0b' : '#a78bfa'}
      strokeWidth={selected ? 2 : 1}
      strokeScaleEnabled={false}
      dash={mask.source === 'auto' ? undefined : [6, 3]}
      listening={editable}
      draggable={editable}
      onPointerDown={() => onSelect(mask.id)}
      onDragStart={() => onSelect(mask.id)}
      onDragEnd={(e) => onChange(mask.id, { x: e.target.x(), y: e.target.y() }, e.target)}
      onTransformEnd={(e) => {
        // Konva resizes by scaling; the data model keeps scale 1 and real width/height.
        const node = e.target;
        const g = {
          x: node.x(),
          y: node.y(),
          width: node.width() * node.scaleX(),
          height: node.height() * node.scaleY(),
          rotation: node.rotation(),
        };
        node.scale({ x: 1, y: 1 });
        onChange(mask.id, g, node);
      }}
    />
  );
});
