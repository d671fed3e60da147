// HEIC/HEIF in the browser worker through heic-to (libheif 1.22 compiled to wasm). Its CSP build
// (`heic-to/csp`: no 'unsafe-eval') is a ~3 MB module, so it is a dynamic import: Vite puts it in
// its own chunk, fetched only when a HEIC file arrives. heic-to decodes in a nested worker it starts
// from a blob: URL (the CSP's worker-src allows blob:) and hands back an ImageBitmap. libheif applies
// the HEIF transformations (irot rotation, imir mirror, clap crop) while decoding, so the picture
// is upright; we do not apply EXIF orientation on top (HEIF says irot wins).
import { InputError, assertImageSize } from '../errors';
import { pixelsOfBitmap, type DecodedImage } from '../image/bitmap-pixels';
import { readHeicSize } from './heic-size';

export async function decodeHeicInWorker(blob: Blob): Promise<DecodedImage> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const size = readHeicSize(bytes);
  // Refuse a decompression bomb from the declared size, before libheif allocates its pixels.
  if (size) assertImageSize(size.width, size.height);
  const { heicTo } = await import('heic-to/csp');
  let bitmap: ImageBitmap;
  try {
    bitmap = await heicTo({ blob, type: 'bitmap' });
  } catch {
    throw new InputError('heic-damaged');
  }
  return pixelsOfBitmap(bitmap);
}
