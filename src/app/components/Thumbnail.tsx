import { useEffect, useRef } from 'react';

const SIZE = 56;

/** A small preview drawn from the page's bitmap (no second decode, no object URL to leak). */
export function Thumbnail({ bitmap }: { bitmap?: ImageBitmap }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    ctx.clearRect(0, 0, SIZE, SIZE);
    if (!bitmap || bitmap.width === 0) return;
    const s = Math.min(SIZE / bitmap.width, SIZE / bitmap.height);
    const w = bitmap.width * s;
    const h = bitmap.height * s;
    ctx.drawImage(bitmap, (SIZE - w) / 2, (SIZE - h) / 2, w, h);
  }, [bitmap]);
  return <canvas ref={ref} className="thumb" width={SIZE} height={SIZE} aria-hidden="true" />;
}
