import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The order test files start in, two at a time: the engine's files (tests/engine, real OCR and the
 * text models, seconds to minutes each) before the unit files (milliseconds each), so the many
 * short files fill the last gaps instead of one long engine file running alone at the end.
 *
 * Why not vitest's own order: on a clean clone (CI) it has no durations yet and starts larger
 * files first, which put the shortest engine file (a 30-second one) last, alone, on the 2-core
 * CI machine. With durations in vitest's cache (a rerun) its longest-first order is kept within
 * each of the two kinds.
 */
export class EngineFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isEngine = (f: TestSpecification) => /[/\\]tests[/\\]engine[/\\]/.test(f.moduleId);
    return [...sorted.filter(isEngine), ...sorted.filter((f) => !isEngine(f))];
  }
}
