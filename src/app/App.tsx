import { useState } from 'react';
import { useEngine } from './useEngine';

interface Item {
  id: string;
  name: string;
  status: 'detecting' | 'ready' | 'error';
  message: string;
  maskCount: number;
}

export function App() {
  const { engine, ocr } = useEngine();
  const [items, setItems] = useState<Item[]>([]);

  async function addFiles(files: FileList | null) {
    for (const file of Array.from(files ?? [])) {
      const id = crypto.randomUUID();
      setItems((xs) => [
        ...xs,
        { id, name: file.name, status: 'detecting', message: 'Reading…', maskCount: 0 },
      ]);
      const update = (patch: Partial<Item>) =>
        setItems((xs) => xs.map((x) => (x.id === id ? { ...x, ...patch } : x)));
      try {
        const opened = await engine.open(id, file);
        opened.pages.forEach((p) => p.bitmap.close());
        const result = await engine.analyze(id, {});
        update({
          status: 'ready',
          message: `${result.findings.length} found`,
          maskCount: result.masks.length,
        });
      } catch (e) {
        update({ status: 'error', message: e instanceof Error ? e.message : String(e) });
      }
    }
  }

  return (
    <main className="shell">
      <header>
        <h1>LastFour</h1>
        <p>Mask every digit except the last four. Your photos never leave this device.</p>
        <p role="status" data-testid="ocr-status" data-state={ocr.state}>
          {ocr.message}
        </p>
      </header>
      <label className="picker">
        Choose photos
        <input
          data-testid="file-input"
          type="file"
          accept="image/*"
          multiple
          onChange={(e) => addFiles(e.target.files)}
        />
      </label>
      <ul>
        {items.map((it) => (
          <li key={it.id} data-testid="image-item" data-status={it.status} data-mask-count={it.maskCount}>
            {it.name}: {it.message}
          </li>
        ))}
      </ul>
    </main>
  );
}
