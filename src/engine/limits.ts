/**
 * Input limits. A decoded image costs 4 bytes a pixel in each copy we hold (source, burn, view), so a
 * "decompression bomb" of a small PNG with a huge canvas would take the tab down. We refuse anything
 * above MAX_PIXELS outright, before decoding
 * when the header tells the size (see readImageSize).
 */
export const MAX_PIXELS = 64_000_000;
export const MAX_SIDE = 16_384;
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
/** Below this a picture cannot hold a readable number; OCR would also reject it. */
export const MIN_SIDE = 16;
