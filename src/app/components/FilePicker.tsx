// The file picker: a real <input type="file"> (keyboard- and screen-reader-friendly) styled as a button.
export function FilePicker({
  onFiles,
  label = 'Choose photos',
}: {
  onFiles(files: File[]): void;
  label?: string;
}) {
  return (
    <label className="button primary picker">
      {label}
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
