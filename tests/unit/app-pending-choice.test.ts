// A finding switch shows its new state at once, before the engine has made the masks: a checkbox
// that bounced back until then would be announced, and clicked again, in its old state.
import { describe, expect, it } from 'vitest';
import type { Finding, Mask } from '../../src/engine/types';
import type { EngineClient } from '../../src/app/engine-client';
import { shownChoice } from '../../src/app/session/findings';
import { Session } from '../../src/app/session/session';

const card: Finding = {
  id: 'card',
  kind: 'card-number',
  text: '4100426619836990',
  glyphs: [],
  confidence: 0.9,
  keepable: true,
  enabledByDefault: true,
};
const mask: Mask = {
  id: 'm',
  x: 1,
  y: 1,
  width: 9,
  height: 9,
  rotation: 0,
  kind: 'card-number',
  source: 'auto',
  confidence: 0.9,
  label: '',
  findingId: 'card',
};

describe('finding switches', () => {
  it('show the clicked state until the masks land, then follow the doc', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const engine = {
      open: async (fileId: string) => ({
        kind: 'image',
        pages: [{ id: fileId, width: 40, height: 30, bitmap: { close() {} }, label: '' }],
      }),
      analyze: async () => ({ width: 40, height: 30, findings: [card], masks: [mask] }),
      async masksForFindings(_f: Finding[], _p: unknown, enabled: Record<string, boolean>) {
        await gate;
        return enabled.card ? [mask] : [];
      },
    } as unknown as EngineClient;
    const s = new Session(engine);
    s.addFiles([new File(['x'], 'a.jpg', { type: 'image/jpeg' })]);
    for (let i = 0; i < 50 && s.state.items[0]?.status !== 'ready'; i++)
      await new Promise((r) => setTimeout(r));
    const item = () => s.state.items[0];

    const done = s.setFindings(item().id, [{ findingId: 'card', enabled: false }]);
    expect(shownChoice(item(), card).enabled).toBe(false);
    expect(item().history.present.masks).toHaveLength(1);
    release();
    await done;
    expect(item().history.present.masks).toHaveLength(0);
    expect(item().pendingChoices).toBeUndefined();
    expect(shownChoice(item(), card)).toEqual({ enabled: false, preset: 'last4' });
  });
});
