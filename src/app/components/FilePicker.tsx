// The file picker: a real <input type="file"> (keyboard- and screen-reader-friendly) styled as a button.
// On phones a second one opens the rear camera: the photo comes back as a file like any other (the
// engine's decoder applies its EXIF orientation), so nothing about it is special afterwards.
import { useTranslation } from 'react-i18next';

type OnFiles = (files: File[]) => void;

function pick(onFiles: OnFiles) {
  return (e: React.ChangeEvent<HTMLInputElement>) => {
    onFiles(Array.from(e.target.files ?? []));
    // Let the same file be picked again after "Clear all".
    e.target.value = '';
  };
}

export function FilePicker({ onFiles, label }: { onFiles: OnFiles; label?: string }) {
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
        onChange={pick(onFiles)}
      />
    </label>
  );
}

/** "Take photo": shown on touch devices only (styles.css), where the browser hands it to the camera. */
export function CameraPicker({ onFiles }: { onFiles: OnFiles }) {
  const { t } = useTranslation();
  return (
    <label className="button picker camera">
      {t('picker.camera')}
      <input
        className="visually-hidden"
        data-testid="camera-input"
        type="file"
        accept="image/*"
        capture="environment"
        onChange={pick(onFiles)}
      />
    </label>
  );
}
