import { useRef, useState, type DragEvent } from 'react';

interface Props {
  /** Extra class beside `drop-zone`. */
  readonly className?: string;
  /** What to drop, e.g. "Drop one or more .json files here, or". */
  readonly prompt: string;
  readonly buttonLabel: string;
  /** The file input's `accept`. */
  readonly accept: string;
  readonly testId: string;
  readonly busy: boolean;
  /** Every file dropped or chosen, several at once. */
  readonly onFiles: (files: File[]) => void;
}

/**
 * A drop zone with a file picker: the button is the keyboard way in (the input itself is hidden
 * from the tab order and from assistive technology). The studio's import and the cohort page's
 * import both use it.
 */
export function FileDropZone({ className, prompt, buttonLabel, accept, testId, busy, onFiles }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const take = (list: FileList | null) => {
    const files = list ? [...list] : [];
    if (files.length) onFiles(files);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    take(e.dataTransfer.files);
  };
  return (
    <div
      className={`drop-zone${className ? ` ${className}` : ''}${over ? ' is-over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <p>{prompt}</p>
      <button type="button" className="button secondary" onClick={() => input.current?.click()} disabled={busy}>
        {buttonLabel}
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        multiple
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid={testId}
        onChange={(e) => {
          take(e.currentTarget.files);
          e.currentTarget.value = '';
        }}
      />
    </div>
  );
}
