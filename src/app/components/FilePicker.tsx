// The file picker: a real <input type="file"> (keyboard- and screen-reader-friendly) styled as a button.
import { useTranslation } from 'react-i18next';

export function FilePicker({ onFiles, label }: { onFiles(files: File[]): void; label?: string }) {
  const { t } = useTranslation();
  return (
    <label className="button primary picker">
      {label ?? t('picker.choose')}
      <input
        className="visually-hidden"
        data-testid="file-input"
        type="file"
        accept="image/*,application/pdf,.heic,.heif"
        multiple
        onChange={(e) => {
          onFiles(Array.from(e.target.files ?? []));
          // Let the same file be picked again after "Clear all".
          e.target.value = '';
        }}
      />
    </label>
  );
}
