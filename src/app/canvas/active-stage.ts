// The Konva stage on screen, for the test hook's coordinate helpers. Only one editor is ever shown.
import type Konva from 'konva';

let active: Konva.Stage | null = null;

export function setActiveStage(stage: Konva.Stage | null): void {
  active = stage;
}

export function getActiveStage(): Konva.Stage | null {
  return active;
}
