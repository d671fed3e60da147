// Keyboard shortcuts, from the same table the key handler uses. A native modal <dialog>: focus is
// trapped and Escape closes it without any code of ours.
import { useEffect, useRef } from 'react';
import { SHORTCUTS } from '../editor/shortcuts';

export function HelpDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // Start at the top (the title), not at the Close button at the bottom of a long list.
      dialog.querySelector<HTMLElement>('h2')?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="help"
      aria-labelledby="help-title"
      onClose={onClose}
      data-testid="help-dialog"
    >
      <h2 id="help-title" tabIndex={-1}>
        Keyboard shortcuts
      </h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.filter((s) => s.keys).map((s) => (
            <tr key={s.action}>
              <td>
                <kbd>{s.keys}</kbd>
              </td>
              <td>{s.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Mouse and touch</h3>
      <ul>
        <li>Wheel or pinch to zoom; drag the background to pan (Select tool).</li>
        <li>Click a mask to select it; drag to move; use the handles to resize or rotate.</li>
        <li>With the Draw tool, drag anywhere to draw a new mask. The tool stays on.</li>
      </ul>
      <form method="dialog">
        <button type="submit" className="primary">
          Close
        </button>
      </form>
    </dialog>
  );
}
