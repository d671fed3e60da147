// Every edit of a Doc is one of these pure functions. They return the same Doc when nothing changes,
// which is how history knows not to record a no-op (a click that did not move anything).
import type { Finding, KeepPreset, Mask } from '../../engine/types';
import type { Doc, FindingChoice } from './doc';
import { normalizeGeometry, sameGeometry, type MaskGeometry } from './geometry';

export function addMask(doc: Doc, mask: Mask): Doc {
  const g = normalizeGeometry(mask, doc.width, doc.height);
  return { ...doc, masks: [...doc.masks, { ...mask, ...g }] };
}

export function updateMask(doc: Doc, id: string, patch: Partial<MaskGeometry>): Doc {
  let changed = false;
  const masks = doc.masks.map((m) => {
    if (m.id !== id) return m;
    const g = normalizeGeometry({ ...m, ...patch }, doc.width, doc.height);
    if (sameGeometry(g, m)) return m;
    changed = true;
    return { ...m, ...g };
  });
  return changed ? { ...doc, masks } : doc;
}

/** Moves masks by whole source pixels (arrow keys). */
export function nudgeMasks(doc: Doc, ids: readonly string[], dx: number, dy: number): Doc {
  return ids.reduce((d, id) => {
    const m = d.masks.find((x) => x.id === id);
    return m ? updateMask(d, id, { x: m.x + dx, y: m.y + dy }) : d;
  }, doc);
}

export function deleteMasks(doc: Doc, ids: readonly string[]): Doc {
  const drop = new Set(ids);
  const masks = doc.masks.filter((m) => !drop.has(m.id));
  return masks.length === doc.masks.length ? doc : { ...doc, masks };
}

export interface FindingChange {
  findingId: string;
  enabled: boolean;
  preset: KeepPreset;
  /** The finding's auto masks under the new choice (from the engine's masksForFindings). */
  masks: readonly Mask[];
}

/**
 * Switches findings on/off or changes their preset: their auto masks are replaced, everything else
 * (manual masks, edited masks of other findings) stays as it is. Replaced masks keep their place in
 * the drawing order.
 */
export function applyFindingChanges(doc: Doc, changes: readonly FindingChange[]): Doc {
  if (changes.length === 0) return doc;
  const byId = new Map(changes.map((c) => [c.findingId, c]));
  const masks: Mask[] = [];
  const placed = new Set<string>();
  for (const m of doc.masks) {
    const change = m.findingId !== undefined ? byId.get(m.findingId) : undefined;
    if (!change || m.source !== 'auto') {
      masks.push(m);
      continue;
    }
    if (placed.has(change.findingId)) continue;
    placed.add(change.findingId);
    masks.push(...change.masks);
  }
  for (const c of changes) if (!placed.has(c.findingId)) masks.push(...c.masks);
  const choices: Record<string, FindingChoice> = { ...doc.choices };
  for (const c of changes) choices[c.findingId] = { enabled: c.enabled, preset: c.preset };
  return { ...doc, masks, choices };
}

/**
 * Adds numbers marked with the number tool, with their masks, as one edit. The findings in `replaces`
 * (detected numbers over the same print) are switched off and lose their auto masks: the user's
 * stroke is the word on where that number is.
 */
export function addMarkedNumber(
  doc: Doc,
  findings: readonly Finding[],
  masks: readonly Mask[],
  replaces: readonly { id: string; preset: KeepPreset }[] = [],
): Doc {
  if (findings.length === 0) return doc;
  const off = new Set(replaces.map((r) => r.id));
  const kept = doc.masks.filter((m) => !(m.source === 'auto' && m.findingId && off.has(m.findingId)));
  const choices: Record<string, FindingChoice> = { ...doc.choices };
  for (const r of replaces) choices[r.id] = { enabled: false, preset: r.preset };
  return {
    ...doc,
    masks: [...kept, ...masks],
    choices,
    marked: [...(doc.marked ?? []), ...findings],
  };
}
