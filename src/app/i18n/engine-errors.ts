// Engine failures ({ code, message, params }, src/engine/error-codes.ts) in the user's language: one
// catalogue sentence per code, with the failure's numbers. The Record type makes a new engine code a
// compile error here until it has its words. In English the engine's own table is the original, so
// the app and the CLI print the same sentence.
import { errorText, type EngineErrorCode, type ErrorParams } from '../../engine/error-codes';
import { MAX_PIXELS } from '../../engine/limits';
import { i18n, t } from './i18n';

const megapixels = (n: number) => Math.round(n / 1e6);
const bracket = (p: ErrorParams) => (p.detail ? ` (${p.detail})` : '');

const SAY: Record<EngineErrorCode, (p: ErrorParams) => string> = {
  'file-empty': () => t('error.empty'),
  'not-an-image': () => t('error.unsupported'),
  truncated: (p) => t('error.damaged', { type: (p.type ?? 'image').toUpperCase() }),
  'image-damaged': (p) => t('error.damaged', { type: (p.type ?? 'image').toUpperCase() }),
  'too-large': (p) =>
    t('error.tooLarge', {
      width: p.width,
      height: p.height,
      mp: megapixels((p.width ?? 0) * (p.height ?? 0)),
      limit: megapixels(MAX_PIXELS),
    }),
  'too-small': (p) => t('error.tooSmall', { width: p.width, height: p.height }),
  'svg-refused': () => t('error.svg'),
  'pdf-password': () => t('error.passwordRequired'),
  'pdf-wrong-password': () => t('error.wrongPassword'),
  'pdf-damaged': (p) =>
    p.detail ? t('error.pdfDamagedDetail', { detail: p.detail }) : t('error.pdfDamaged'),
  'pdf-too-many-pages': (p) => t('error.pdfTooManyPages', { count: p.pages, max: p.limit }),
  'pdf-no-pages': () => t('error.pdfNoPages'),
  'pdf-page-unreadable': (p) =>
    p.detail
      ? t('error.pageNotDrawn', { page: p.page, detail: p.detail })
      : t('error.pageNotDrawnPlain', { page: p.page }),
  'heic-damaged': () => t('error.heicDamaged'),
  'ocr-assets-missing': (p) => t('error.ocrAssetsMissing', { bracket: bracket(p) }),
  'model-missing': (p) => t('error.modelMissing', { bracket: bracket(p) }),
  cancelled: () => t('error.cancelled'),
  'out-of-memory': (p) => t('error.outOfMemory', { size: p.width ? ` (${p.width}×${p.height})` : '' }),
  'export-too-large': (p) =>
    t('error.exportTooLarge', { width: p.width, height: p.height, type: (p.type ?? 'WEBP').toUpperCase() }),
  'not-open': () => t('error.notOpen'),
  internal: (p) => (p.detail ? t('error.couldNotProcess', { detail: p.detail }) : t('error.internal')),
};

/** The sentence for an engine failure, in the user's language. */
export function engineFailureText(code: EngineErrorCode, params: ErrorParams = {}): string {
  if ((i18n.resolvedLanguage ?? 'en') === 'en') return errorText(code, params);
  return (SAY[code] ?? SAY.internal)(params);
}
