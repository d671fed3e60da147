// Document detection bench: MRZ, printed ID fields, barcodes, statement numbers and transactions on the
// team's fixtures (and the shared real specimens), plus the cost for card photos. Each fixture also
// goes through the whole pipeline (analyzeImage: card engine, then documents) for what a user gets:
// the page kind against the fixture's `kind` (a confusion table), card-number or security-code findings
// on identity documents, and statements' numbers and amounts under the default masks.
//   node --import tsx bench/documents.ts [--real DIR] [--cards DIR] [--cards-limit N] [--pipeline N] [--reps R]
//                                        [--json FILE] [--no-learned]
// The learned text models (PP-OCR) are loaded as the CLI loads them; --no-learned runs Tesseract alone.
// Scores come from mask geometry against ground-truth boxes (see tests/fixtures/documents/score.ts).
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { analyzeImage, masksForFindings } from '../src/engine/analyze';
import { analyzeDocument } from '../src/engine/documents/document-findings';
import { createZxingReaderNode } from '../src/engine/documents/zxing-node';
import { toGray } from '../src/engine/image/gray';
import { PAGE_KINDS } from '../src/engine/documents/page-kinds';
import { createTesseractOcr } from '../src/engine/ocr/tesseract';
import { loadNodeModels } from '../src/cli/models-node';
import { decodeImageNode } from '../src/engine/platform/node';
import type { Finding } from '../src/engine/types';
import {
  approxChars,
  coverage,
  covered,
  coveredPoly,
  inset,
  loadGroundTruth,
  scoreAccount,
  type GtDoc,
} from '../tests/fixtures/documents/score';

const args = process.argv.slice(2);
const arg = (name: string, fallback?: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const OWN = 'tests/fixtures/documents';
const REAL = arg(
  '--real',
  existsSync('/work/shared/fixtures/real-ids') ? '/work/shared/fixtures/real-ids' : 'tests/fixtures/real-ids',
);
const CARDS = arg('--cards', '/work/shared/fixtures/cards');
const CARDS_LIMIT = Number(arg('--cards-limit', '48'));
const JSON_OUT = arg('--json', '.bench-out/documents.json');
// Whole card pipeline (analyzeImage) with and without the document stage, on the first N card photos.
const PIPELINE = Number(arg('--pipeline', '0'));
// Timed runs per configuration (the minimum counts).
const REPS = Number(arg('--reps', '3'));
const LEARNED = !args.includes('--no-learned');

const SUGGESTIONS = new Set(['mrz', 'document-number', 'personal-number', 'date-of-birth', 'barcode']);
const ROLE_KIND: Record<string, string> = {
  docnum: 'document-number',
  personal: 'personal-number',
  dob: 'date-of-birth',
  barcode: 'barcode',
  mrz: 'mrz',
};

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length ? s[s.length >> 1] : NaN;
};

const IDENTITY = new Set(['passport', 'id_card', 'driver_licence']);
/** The fixture's `kind` as page kinds (an ID card may be shown by either side). */
const EXPECTED_KIND: Record<string, string[]> = {
  passport: ['passport'],
  id_card: ['id-card-front', 'id-card-back'],
  driver_licence: ['driving-licence'],
  bank_statement: ['statement'],
  screenshot: ['statement'],
  card_back: ['card-back'],
};
const NO_KIND = '(none)';

/** Whole pipeline: what the user gets with default settings. */
interface Pipeline {
  kind: string;
  confidence?: number;
  ms: number;
  /** Card-number and security-code findings. */
  cardFindings: number;
  /** MRZ lines (ground truth) touched by the default masks. */
  mrzTouched: number;
  /** MRZ lines (ground truth) at least 90% hidden with the MRZ suggestion on (--mrz). */
  mrzHidden: number;
  accounts: { text: string; ok: boolean }[];
  amountsTouched: number;
}

interface Row {
  set: string;
  file: string;
  kind: string;
  ms: number;
  ocrPasses: number;
  mrz?: { expected: number; found: boolean; valid: boolean; hidden: number };
  fields: { role: string; text: string; found: boolean }[];
  accounts: { text: string; hidden: boolean; keptVisible: boolean; note?: string }[];
  amountsTouched: number;
  amounts: number;
  transactions?: { found: boolean; cover: number; keepTouched: number };
  pipeline: Pipeline;
}

async function main() {
  const ocr = await createTesseractOcr({ langPath: 'node_modules/@tesseract.js-data/eng/4.0.0_best_int' });
  const barcodes = await createZxingReaderNode();
  const models = LEARNED ? await loadNodeModels() : undefined;
  console.log(`learned text models: ${models ? 'loaded' : 'not loaded (Tesseract alone)'}`);
  const rows: Row[] = [];
  const sets: [string, string][] = [['team', OWN]];
  if (REAL && existsSync(REAL)) sets.push(['real-ids', REAL]);

  for (const [set, dir] of sets) {
    for (const gt of loadGroundTruth(dir) as GtDoc[]) {
      const image = await decodeImageNode(readFileSync(join(dir, gt.file)));
      const t0 = performance.now();
      const rep = await analyzeDocument(toGray(image), ocr, [], { barcodes, models });
      const ms = performance.now() - t0;
      const f: Finding[] = rep.findings;
      const W = image.width;
      const byDefault = coverage(masksForFindings(f, {}, {}), W, image.height);
      const row: Row = {
        set,
        file: gt.file,
        kind: gt.kind,
        ms,
        ocrPasses: rep.ocrPasses,
        fields: [],
        accounts: [],
        amountsTouched: 0,
        amounts: 0,
        pipeline: await wholePipeline(gt, image),
      };

      const mrzRegions = gt.regions.filter((r) => r.role === 'mrz');
      if (mrzRegions.length) {
        const on = Object.fromEntries(f.filter((x) => x.kind === 'mrz').map((x) => [x.id, true]));
        const map = coverage(masksForFindings(f, {}, on), W, image.height);
        const hidden = mrzRegions.filter((r) => coveredPoly(map, W, r.poly) >= 0.9).length;
        const found = hidden === mrzRegions.length;
        const valid =
          !!rep.mrz?.reading.checkDigitsValid || f.some((x) => x.kind === 'mrz' && x.confidence >= 0.95);
        row.mrz = { expected: mrzRegions.length, found, valid, hidden };
      }
      // Printed fields and barcodes: each category switched on alone, as the side list does it.
      for (const r of gt.regions.filter((r) => ['docnum', 'personal', 'dob', 'barcode'].includes(r.role))) {
        const on = Object.fromEntries(f.filter((x) => x.kind === ROLE_KIND[r.role]).map((x) => [x.id, true]));
        const map = coverage(masksForFindings(f, {}, on), W, image.height);
        row.fields.push({
          role: r.role,
          text: r.text.slice(0, 24),
          found: coveredPoly(map, W, r.poly) >= 0.9,
        });
      }
      for (const r of gt.regions.filter((r) => r.role === 'account')) {
        if (r.note && /wrap/.test(r.note)) {
          // Wrapped over two lines: check the whole region is mostly hidden (the tail's last four show).
          row.accounts.push({
            text: r.text,
            hidden: covered(byDefault, W, r.bbox) >= 0.5,
            keptVisible: true,
            note: 'wrapped: region >= 50% covered',
          });
          continue;
        }
        const s = scoreAccount(byDefault, W, approxChars(r));
        row.accounts.push({ text: r.text, hidden: s.hidden, keptVisible: s.keptVisible });
      }
      for (const r of gt.regions.filter((r) => r.role === 'cvv')) {
        row.accounts.push({
          text: `CVV ${r.text}`,
          hidden: covered(byDefault, W, inset(r.bbox, 1)) >= 0.9,
          keptVisible: true,
        });
      }
      for (const r of gt.regions.filter((r) => r.role === 'amount')) {
        row.amounts++;
        if (covered(byDefault, W, r.bbox) > 0) row.amountsTouched++;
      }
      const table = gt.regions.find((r) => r.role === 'transactions');
      if (table) {
        const tx = f.find((x) => x.kind === 'transactions');
        const map = tx
          ? coverage(
              masksForFindings(f, {}, { [tx.id]: true }).filter((m) => m.findingId === tx.id),
              W,
              image.height,
            )
          : new Uint8Array(W * image.height);
        const keep = gt.regions.filter((r) => r.role === 'keepinfo' || r.role === 'account');
        row.transactions = {
          found: !!tx,
          cover: coveredPoly(map, W, table.poly),
          keepTouched: keep.filter((r) => covered(map, W, r.bbox) > 0).length,
        };
      }
      if (f.some((x) => SUGGESTIONS.has(x.kind) && x.enabledByDefault))
        throw new Error(`${gt.file}: a suggestion is on by default`);
      rows.push(row);
      const acc = row.accounts.map((a) => `${a.hidden && a.keptVisible ? 'ok' : 'FAIL'}:${a.text}`).join(' ');
      const flds = row.fields.map((x) => `${x.found ? 'ok' : 'miss'}:${x.role}`).join(' ');
      const p = row.pipeline;
      console.log(
        `${set.padEnd(8)} ${gt.file.padEnd(40)} ${String(Math.round(ms)).padStart(5)} ms  passes=${row.ocrPasses}` +
          `  kind=${p.kind}${p.confidence !== undefined ? ` (${p.confidence})` : ''}` +
          (IDENTITY.has(gt.kind)
            ? `  card findings ${p.cardFindings}, MRZ lines touched ${p.mrzTouched}, hidden with --mrz ${p.mrzHidden}`
            : '') +
          (row.mrz
            ? `  MRZ ${row.mrz.found ? 'found' : 'MISSED'}${row.mrz.valid ? ' (check digits ok)' : ''}`
            : '') +
          (flds ? `  ${flds}` : '') +
          (acc ? `  ${acc}` : '') +
          (row.amounts ? `  amounts touched ${row.amountsTouched}/${row.amounts}` : '') +
          (row.transactions
            ? `  tx ${row.transactions.found ? `cover ${(row.transactions.cover * 100).toFixed(0)}%, keep-info touched ${row.transactions.keepTouched}` : 'MISSED'}`
            : ''),
      );
    }
  }

  // The whole pipeline per fixture: what a user gets with default settings.
  async function wholePipeline(
    gt: GtDoc,
    image: Awaited<ReturnType<typeof decodeImageNode>>,
  ): Promise<Pipeline> {
    const t0 = performance.now();
    const r = await analyzeImage(image, ocr, { documents: { barcodes }, models });
    const ms = performance.now() - t0;
    const W = image.width;
    const map = coverage(r.masks, W, image.height);
    const accounts = gt.regions
      .filter((x) => x.role === 'account')
      .map((x) => {
        if (x.note && /wrap/.test(x.note)) return { text: x.text, ok: covered(map, W, x.bbox) >= 0.5 };
        const s = scoreAccount(map, W, approxChars(x));
        return { text: x.text, ok: s.hidden && s.keptVisible };
      });
    return {
      kind: r.pageKind?.kind ?? NO_KIND,
      confidence: r.pageKind?.confidence,
      ms,
      cardFindings: r.findings.filter((f) => f.kind === 'card-number' || f.kind === 'security-code').length,
      mrzTouched: gt.regions.filter((x) => x.role === 'mrz' && coveredPoly(map, W, x.poly) > 0).length,
      mrzHidden: (() => {
        const on = Object.fromEntries(r.findings.filter((f) => f.kind === 'mrz').map((f) => [f.id, true]));
        const withMrz = coverage(masksForFindings(r.findings, {}, on), W, image.height);
        return gt.regions.filter((x) => x.role === 'mrz' && coveredPoly(withMrz, W, x.poly) >= 0.9).length;
      })(),
      accounts,
      amountsTouched: gt.regions.filter((x) => x.role === 'amount' && covered(map, W, x.bbox) > 0).length,
    };
  }

  // Cost on card photos: the layout gate and the quick barcode scan, against one plain tesseract pass.
  const perf: { file: string; plainMs: number; docMs: number; passes: number }[] = [];
  if (CARDS && existsSync(CARDS)) {
    const files = readdirSync(CARDS)
      .filter((f) => /\.(jpe?g|png)$/.test(f))
      .sort()
      .slice(0, CARDS_LIMIT);
    for (const file of files) {
      const gray = toGray(await decodeImageNode(readFileSync(join(CARDS, file))));
      // Minimum of REPS runs each, interleaved: the machine is shared, interference only adds time.
      let plainMs = Infinity;
      let docMs = Infinity;
      let passes = 0;
      for (let r = 0; r < REPS; r++) {
        const t0 = performance.now();
        await ocr.recognize(gray, { psm: 3 });
        plainMs = Math.min(plainMs, performance.now() - t0);
        const t1 = performance.now();
        const rep = await analyzeDocument(gray, ocr, [], { barcodes });
        docMs = Math.min(docMs, performance.now() - t1);
        passes = rep.ocrPasses;
      }
      perf.push({ file, plainMs, docMs, passes });
    }
  }
  // Timing on a shared machine is noisy: each configuration runs REPS times interleaved and the minimum
  // counts (CPU-bound work only gets slower from interference). OCR calls are counted too: the claim
  // "no extra OCR pass on card photos" does not depend on timing at all.
  const pipeline: { file: string; withMs: number; withoutMs: number; extraOcrCalls: number }[] = [];
  if (PIPELINE > 0 && CARDS && existsSync(CARDS)) {
    const files = readdirSync(CARDS)
      .filter((f) => /\.(jpe?g|png)$/.test(f))
      .sort()
      .slice(0, PIPELINE);
    for (const file of files) {
      const image = await decodeImageNode(readFileSync(join(CARDS, file)));
      const best = { with: Infinity, without: Infinity };
      const calls = { with: 0, without: 0 };
      for (let rep = 0; rep < REPS; rep++) {
        for (const skip of rep % 2 ? [false, true] : [true, false]) {
          let n = 0;
          const counting = {
            ...ocr,
            recognize: (...a: Parameters<typeof ocr.recognize>) => (n++, ocr.recognize(...a)),
          };
          const t = performance.now();
          await analyzeImage(image, counting, { documents: { barcodes, skip } });
          const ms = performance.now() - t;
          const key = skip ? 'without' : 'with';
          best[key] = Math.min(best[key], ms);
          calls[key] = n;
        }
      }
      pipeline.push({
        file,
        withMs: best.with,
        withoutMs: best.without,
        extraOcrCalls: calls.with - calls.without,
      });
      console.log(
        `pipeline ${file.padEnd(28)} without ${Math.round(best.without)} ms, with documents ${Math.round(best.with)} ms, extra OCR calls ${calls.with - calls.without}`,
      );
    }
  }
  await ocr.terminate();

  const summary: Record<string, string> = {};
  for (const set of sets.map((s) => s[0])) {
    const rs = rows.filter((r) => r.set === set);
    const ids = rs.filter((r) => r.mrz);
    const accounts = rs.flatMap((r) => r.accounts);
    const statements = rs.filter((r) => r.accounts.length > 0);
    const fields = rs.flatMap((r) => r.fields);
    const tx = rs.filter((r) => r.transactions);
    summary[`${set}: MRZ found`] =
      `${ids.filter((r) => r.mrz!.found).length}/${ids.length} (check digits valid ${ids.filter((r) => r.mrz!.valid).length}/${ids.length})`;
    summary[`${set}: MRZ lines hidden with --mrz (document stage)`] =
      `${ids.reduce((n, r) => n + r.mrz!.hidden, 0)}/${ids.reduce((n, r) => n + r.mrz!.expected, 0)}`;
    summary[`${set}: MRZ lines hidden with --mrz (whole pipeline)`] =
      `${ids.reduce((n, r) => n + r.pipeline.mrzHidden, 0)}/${ids.reduce((n, r) => n + r.mrz!.expected, 0)}`;
    summary[`${set}: pages with card/account numbers, all masked but the last four`] =
      `${statements.filter((r) => r.accounts.every((a) => a.hidden && a.keptVisible)).length}/${statements.length}`;
    summary[`${set}: account values ok`] =
      `${accounts.filter((a) => a.hidden && a.keptVisible).length}/${accounts.length}`;
    summary[`${set}: amounts touched by default masks`] =
      `${rs.reduce((n, r) => n + r.amountsTouched, 0)}/${rs.reduce((n, r) => n + r.amounts, 0)}`;
    summary[`${set}: printed fields/barcodes found when switched on`] =
      `${fields.filter((x) => x.found).length}/${fields.length}`;
    for (const role of ['docnum', 'personal', 'dob', 'barcode']) {
      const fr = fields.filter((x) => x.role === role);
      if (fr.length) summary[`${set}:   ${role}`] = `${fr.filter((x) => x.found).length}/${fr.length}`;
    }
    if (tx.length)
      summary[`${set}: transactions table covered >= 97%, name/date untouched`] =
        `${tx.filter((r) => r.transactions!.cover >= 0.97 && r.transactions!.keepTouched === 0).length}/${tx.length}`;
    summary[`${set}: median document-stage time`] = `${Math.round(median(rs.map((r) => r.ms)))} ms`;
  }
  if (perf.length) {
    const plain = median(perf.map((p) => p.plainMs));
    const doc = median(perf.map((p) => p.docMs));
    summary['cards: images'] = String(perf.length);
    summary['cards: median plain tesseract pass (psm 3, full res, min of reps)'] = `${Math.round(plain)} ms`;
    summary['cards: median document-stage cost'] =
      `${Math.round(doc)} ms (${((doc / plain) * 100).toFixed(1)}% of a plain pass)`;
    summary['cards: mean document-stage cost'] =
      `${Math.round(perf.reduce((n, p) => n + p.docMs, 0) / perf.length)} ms`;
    summary['cards: photos that triggered the document OCR pass'] =
      `${perf.filter((p) => p.passes > 0).length}/${perf.length}`;
  }
  if (pipeline.length) {
    const a = median(pipeline.map((p) => p.withoutMs));
    const b = median(pipeline.map((p) => p.withMs));
    const plain = median(perf.map((p) => p.plainMs));
    summary['pipeline: card photos'] = String(pipeline.length);
    summary['pipeline: median analyzeImage without documents'] = `${Math.round(a)} ms`;
    summary['pipeline: median analyzeImage with documents'] =
      `${Math.round(b)} ms (${b >= a ? '+' : ''}${(((b - a) / a) * 100).toFixed(1)}%)`;
    const ratio = median(pipeline.map((p) => p.withMs / p.withoutMs));
    summary['pipeline: median per-photo ratio with/without (min of reps)'] = ratio.toFixed(3);
    summary['pipeline: extra OCR calls on card photos'] = String(
      pipeline.reduce((n, p) => n + p.extraOcrCalls, 0),
    );
    if (perf.length) summary['pipeline: with documents / plain pass'] = (b / plain).toFixed(2);
  }
  // Page kinds: rows are the fixtures' kinds, columns what the pipeline said.
  const columns = [...PAGE_KINDS, NO_KIND].filter(
    (k) => k !== NO_KIND || rows.some((r) => r.pipeline.kind === NO_KIND),
  );
  const truths = [...new Set(rows.map((r) => r.kind))].sort();
  const confusion: Record<string, Record<string, number>> = {};
  console.log('\nPage kinds (rows: fixture kind, columns: predicted; whole pipeline, default settings)');
  console.log(`  ${'fixture kind'.padEnd(16)}${columns.map((c) => c.padStart(16)).join('')}`);
  for (const t of truths) {
    confusion[t] = Object.fromEntries(
      columns.map((c) => [c, rows.filter((r) => r.kind === t && r.pipeline.kind === c).length]),
    );
    console.log(
      `  ${t.padEnd(16)}${columns.map((c) => String(confusion[t][c] || '.').padStart(16)).join('')}`,
    );
  }
  const right = rows.filter((r) => EXPECTED_KIND[r.kind]?.includes(r.pipeline.kind)).length;
  summary['page kind right (whole pipeline)'] = `${right}/${rows.length}`;
  const ids = rows.filter((r) => IDENTITY.has(r.kind));
  summary['identity documents with a card-number/security-code finding'] =
    `${ids.filter((r) => r.pipeline.cardFindings > 0).length}/${ids.length}`;
  summary['MRZ lines touched by default masks (whole pipeline)'] =
    `${ids.reduce((n, r) => n + r.pipeline.mrzTouched, 0)}/${ids.reduce((n, r) => n + (r.mrz?.expected ?? 0), 0)}`;
  const accs = rows.flatMap((r) => r.pipeline.accounts);
  summary['account values masked but the last four (whole pipeline)'] =
    `${accs.filter((a) => a.ok).length}/${accs.length}`;
  summary['amounts touched by default masks (whole pipeline)'] =
    `${rows.reduce((n, r) => n + r.pipeline.amountsTouched, 0)}/${rows.reduce((n, r) => n + r.amounts, 0)}`;
  summary['median whole-pipeline time per document'] =
    `${Math.round(median(rows.map((r) => r.pipeline.ms)))} ms`;

  console.log('\nSummary');
  for (const [k, v] of Object.entries(summary)) console.log(`  ${k.padEnd(64)} ${v}`);
  if (JSON_OUT) {
    mkdirSync(dirname(JSON_OUT), { recursive: true });
    writeFileSync(JSON_OUT, JSON.stringify({ summary, confusion, rows, perf, pipeline }, null, 1));
  }
}

await main();
