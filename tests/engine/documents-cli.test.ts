// `lastfour redact id.jpg --out dir --mrz --watermark "Copy for ..."`: the MRZ suggestion switched on
// from the command line, the watermark burned in, checked from the output pixels.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main';
import { decodeImageNode } from '../../src/engine/platform/node';
import type { RgbaImage } from '../../src/engine/types';
import type { GtDoc } from '../fixtures/documents/score';
import { FIXTURES } from './documents-support';

const dir = mkdtempSync(join(tmpdir(), 'lastfour-doc-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Share of a box's pixels that are dark (green channel: the red watermark tint leaves it low). */
function darkShare(img: RgbaImage, box: number[]): number {
  const [x0, y0, x1, y1] = box.map(Math.round);
  let n = 0;
  let dark = 0;
  for (let y = y0 + 2; y < y1 - 2; y++) {
    for (let x = x0 + 2; x < x1 - 2; x++) {
      n++;
      if (img.data[(y * img.width + x) * 4 + 1] < 70) dark++;
    }
  }
  return dark / n;
}

/** Share of the image tinted red by the watermark (red well above green). */
function reddish(img: RgbaImage): number {
  let n = 0;
  for (let i = 0; i < img.data.length; i += 4) if (img.data[i] - img.data[i + 1] > 40) n++;
  return n / (img.width * img.height);
}

/** `lastfour redact ...args` in this process, its stdout and stderr captured. */
async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((c) => (out.push(String(c)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((c) => (err.push(String(c)), true));
  try {
    return { code: await main(args), stdout: out.join(''), stderr: err.join('') };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('lastfour redact with document flags', () => {
  const gt = JSON.parse(readFileSync(join(FIXTURES, 'id-td1-4.json'), 'utf8')) as GtDoc;
  const mrz = gt.regions.filter((r) => r.role === 'mrz');
  // The run without document flags (--json only changes stdout): its pixels and its report are
  // both checked below, from one analysis of the ID rather than two identical ones.
  const plainOut = join(dir, 'plain');
  let plain: Promise<{ code: number; stdout: string; stderr: string }> | undefined;
  const plainRun = () => (plain ??= run(['redact', join(FIXTURES, gt.file), '--out', plainOut, '--json']));

  it('--mrz masks the MRZ and --watermark burns the tiled text', async () => {
    const out = join(dir, 'on');
    const code = await main([
      'redact',
      join(FIXTURES, gt.file),
      '--out',
      out,
      '--mrz',
      '--watermark',
      'Copy for ACME Rentals - car rental - 2026-11-26',
    ]);
    expect(code).toBe(0);
    const img = await decodeImageNode(readFileSync(join(out, 'id-td1-4.redacted.png')));
    for (const r of mrz) expect(darkShare(img, r.bbox), r.text).toBeGreaterThan(0.95);
    expect(reddish(img)).toBeGreaterThan(0.03);
    const doc = JSON.parse(readFileSync(join(out, 'id-td1-4.masks.json'), 'utf8'));
    expect(doc.masks.filter((m: { kind: string }) => m.kind === 'mrz').length).toBeGreaterThanOrEqual(3);
  });

  it('without the flags the MRZ stays readable and there is no watermark', async () => {
    expect((await plainRun()).code).toBe(0);
    const img = await decodeImageNode(readFileSync(join(plainOut, 'id-td1-4.redacted.png')));
    for (const r of mrz) expect(darkShare(img, r.bbox), r.text).toBeLessThan(0.5);
    expect(reddish(img)).toBeLessThan(0.001);
  });

  it('prints the page kind on stderr, in --json and in masks.json; --kind chooses it', async () => {
    const auto = await plainRun();
    expect(auto.code).toBe(0);
    expect(auto.stderr).toMatch(/ID card \((front|back)\) \(0\.\d\d\): \d+ finding/);
    const [entry] = JSON.parse(auto.stdout);
    expect(entry.pageKind.kind).toMatch(/^id-card-(front|back)$/);
    const doc = JSON.parse(readFileSync(join(plainOut, 'id-td1-4.masks.json'), 'utf8'));
    expect(doc.pageKind).toEqual(entry.pageKind);
    expect(doc.pageKind.reasons.join(' ')).toMatch(/TD1 machine-readable zone/);

    const out = join(dir, 'kind');
    const chosen = await run([
      'redact',
      join(FIXTURES, gt.file),
      '--out',
      out,
      '--kind',
      'passport',
      '--json',
    ]);
    expect(chosen.code).toBe(0);
    expect(chosen.stderr).toMatch(/Passport data page \(chosen\)/);
    expect(JSON.parse(chosen.stdout)[0].pageKind).toMatchObject({ kind: 'passport', chosen: true });

    const wrong = await run(['redact', join(FIXTURES, gt.file), '--out', out, '--kind', 'license']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--kind must be one of card-front, card-back, passport, id-card-front');
    expect(wrong.stderr).toContain('driving-licence');
  });
});
