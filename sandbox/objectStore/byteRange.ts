import type { ByteSpan } from './objectRepository.js';

/**
 * The part of an object of `size` bytes that a `Range` header asks for. Like S3: one `bytes=` range is
 * honoured; a malformed header or several ranges are ignored (the whole object is sent).
 */
export function requestedSpan(header: string | undefined, size: number): ByteSpan | 'unsatisfiable' | null {
  const m = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  if (m[2] !== '' && Number(m[2]) < start) return null;
  if (start >= size) return 'unsatisfiable';
  return { start, end: m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1) };
}
