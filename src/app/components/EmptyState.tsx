import { FilePicker } from './FilePicker';

/** First screen: what the app does, and the promise that matters most. */
export function EmptyState({ onFiles }: { onFiles(files: File[]): void }) {
  return (
    <section className="empty" aria-labelledby="empty-title">
      <h2 id="empty-title">Hide card numbers before you send a photo</h2>
      <p>
        Drop photos of a card, an ID or a statement anywhere on this page, paste one (Ctrl+V / ⌘V), or choose
        files. LastFour finds the numbers and masks every digit except the last four. You can move, resize,
        add and remove masks before you export.
      </p>
      <FilePicker onFiles={onFiles} />
      <p className="privacy">
        <strong>Nothing leaves this device.</strong> Photos are read and masked right here in your browser,
        even offline. No upload, no account, nothing stored: closing the tab or pressing “Clear all” forgets
        them.
      </p>
    </section>
  );
}
