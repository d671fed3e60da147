// The page kind in the app's controller, with a fake engine: shown after detection, changed by the
// user, which runs detection again with that kind while the user's own masks stay.
import { describe, expect, it } from 'vitest';
import type { EngineClient } from '../../src/app/engine-client';
import { Session } from '../../src/app/session/session';
import type { AnalyzeOptions } from '../../src/engine/analyze';
import { chosenKind, type PageClassification } from '../../src/engine/documents/page-kinds';
import type { Finding, Mask } from '../../src/engine/types';

const finding = (id: string, kind: Finding['kind'], enabledByDefault: boolean): Finding => ({
  id,
  kind,
  text: kind === 'mrz' ? 'P<UTOERIKSSON' : '4111111111111111',
  glyphs: [],
  confidence: 0.9,
  keepable: kind === 'card-number',
  enabledByDefault,
});

const autoMask = (findingId: string): Mask => ({
  id: `${findingId}-mask`,
  x: 10,
  y: 10,
  width: 100,
  height: 20,
  rotation: 0,
  kind: 'card-number',
  source: 'auto',
  confidence: 0.9,
  label: '',
  findingId,
});

const classified: PageClassification = {
  kind: 'passport',
  label: 'Passport data page',
  confidence: 0.87,
  reasons: ['TD3 machine-readable zone (passport)'],
};

/** Classifies the page as a passport (an MRZ suggestion); told "card-front", finds a card number. */
function fakeEngine() {
  const calls: (AnalyzeOptions & { id: string })[] = [];
  let hold: Promise<void> | undefined;
  const engine = {
    async open(fileId: string) {
      return {
        kind: 'image',
        pages: [{ id: fileId, width: 400, height: 300, bitmap: { close() {} }, label: '' }],
      };
    },
    async analyze(id: string, options: AnalyzeOptions) {
      calls.push({ id, ...options });
      await hold;
      if (options.kind === 'card-front') {
        const f = finding('card-1', 'card-number', true);
        return {
          width: 400,
          height: 300,
          findings: [f],
          masks: [autoMask(f.id)],
          pageKind: chosenKind('card-front'),
        };
      }
      return {
        width: 400,
        height: 300,
        findings: [finding('doc-mrz-0', 'mrz', false)],
        masks: [],
        pageKind: classified,
      };
    },
    async masksForFindings() {
      return [];
    },
    async close() {},
    async clear() {},
    async cancel() {
      return false;
    },
  };
  return {
    engine: engine as unknown as EngineClient,
    calls,
    holdNext(p: Promise<void>) {
      hold = p;
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));
async function until(check: () => boolean) {
  for (let i = 0; i < 100 && !check(); i++) await settle();
  expect(check()).toBe(true);
}

async function readyPassport() {
  const fake = fakeEngine();
  const s = new Session(fake.engine);
  s.addFiles([new File(['jpeg'], 'passport.jpg', { type: 'image/jpeg' })]);
  await until(() => s.state.items[0]?.status === 'ready');
  return { s, ...fake, id: s.state.items[0].id };
}

describe('page kind in the session', () => {
  it('shows the kind the engine classified, without choosing one', async () => {
    const { s, calls } = await readyPassport();
    expect(s.state.items[0].pageKind).toEqual(classified);
    expect(calls).toHaveLength(1);
    expect(calls[0].kind).toBeUndefined();
  });

  it('changing the kind runs detection again with it and keeps the masks the user drew', async () => {
    const { s, calls, id } = await readyPassport();
    s.ui.addManualMask({ x: 200, y: 150, width: 40, height: 40, rotation: 0 });
    const manual = s.state.items[0].history.present.masks.find((m) => m.source === 'manual')!;
    s.setPageKind(id, 'card-front');
    // At once: the choice is shown and the page is busy.
    expect(s.state.items[0].status).toBe('detecting');
    expect(s.state.items[0].pageKind).toMatchObject({ kind: 'card-front', chosen: true });
    await until(() => s.state.items[0].status === 'ready');
    expect(calls.map((c) => c.kind)).toEqual([undefined, 'card-front']);
    const item = s.state.items[0];
    expect(item.findings.map((f) => f.kind)).toEqual(['card-number']);
    expect(item.history.present.masks.map((m) => m.id)).toEqual(['card-1-mask', manual.id]);
    expect(item.pageKind).toMatchObject({ kind: 'card-front', confidence: 1, chosen: true });
  });

  it('choosing the kind already chosen does nothing; a page still being read cannot be changed', async () => {
    const { s, calls, id, holdNext } = await readyPassport();
    s.setPageKind(id, 'card-front');
    await until(() => s.state.items[0].status === 'ready');
    s.setPageKind(id, 'card-front');
    expect(calls).toHaveLength(2);
    let release = () => {};
    holdNext(new Promise<void>((r) => (release = r)));
    s.setPageKind(id, 'passport');
    s.setPageKind(id, 'statement');
    expect(s.state.items[0].pageKind?.kind).toBe('passport');
    release();
    await until(() => s.state.items[0].status === 'ready');
    expect(calls.map((c) => c.kind)).toEqual([undefined, 'card-front', 'passport']);
  });

  it('"Clear all" while the page is read again drops the late result', async () => {
    const { s, id, holdNext } = await readyPassport();
    let release = () => {};
    holdNext(new Promise<void>((r) => (release = r)));
    s.setPageKind(id, 'card-front');
    await s.clearAll();
    release();
    await settle();
    await settle();
    expect(s.state.items).toEqual([]);
  });
});
