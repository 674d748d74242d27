export { downloadText } from '../../lib/download';

/** "catalyst-progress-2025-03-14.json" (local date). */
export function datedFilename(prefix: string, when = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${prefix}-${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}.json`;
}
