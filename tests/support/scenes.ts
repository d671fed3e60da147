// Test scenes drawn in Node, shared by the browser tests and the unit tests.
import { createCanvas } from '@napi-rs/canvas';

/** A deterministic photo-like test image with no text: gradients and shapes, so nothing is detected. */
export function syntheticPng(width = 640, height = 480): Buffer {
  const c = createCanvas(width, height);
  const ctx = c.getContext('2d');
  const g = ctx.createLinearGradient(0, 0, width, height);
  g.addColorStop(0, '#d9e8f5');
  g.addColorStop(1, '#f5d9c7');
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, width, height);
  for (let i = 0; i < 12; i++) {
    ctx.fillStyle = `hsl(${(i * 37) % 360} 60% ${55 + (i % 3) * 8}%)`;
    ctx.beginPath();
    ctx.arc(((i * 97) % width) + 20, ((i * 61) % height) + 20, 30 + (i % 4) * 12, 0, Math.PI * 2);
    ctx.fill();
  }
  return c.toBuffer('image/png');
}
