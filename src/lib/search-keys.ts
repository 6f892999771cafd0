/**
 * Keyboard logic for the search box, kept apart from search.ts so that the few lines every
 * page loads (the shortcut listener) do not pull in the rest: which keys open the box, and
 * how arrow keys move through the suggestions.
 */
const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'color', 'file', 'hidden', 'image', 'radio', 'range', 'reset', 'submit']);

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

export interface TargetLike {
  tagName?: string;
  type?: string;
  isContentEditable?: boolean;
}

/** Whether keys typed at this element are text for it (so shortcuts must leave them alone). */
export function isTypingTarget(target: TargetLike | null | undefined): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = (target.tagName ?? '').toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && !NON_TEXT_INPUTS.has((target.type ?? 'text').toLowerCase());
}

/** `/` or Ctrl/Cmd-K opens the search box, unless the reader is typing in a field. */
export function isSearchShortcut(event: KeyLike, target: TargetLike | null | undefined): boolean {
  if (event.altKey || isTypingTarget(target)) return false;
  if (event.key === '/') return !event.ctrlKey && !event.metaKey;
  return (event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey);
}

/** The active option after an arrow key in a list of `count` options (-1: none), wrapping. */
export function nextActiveIndex(current: number, count: number, key: 'ArrowDown' | 'ArrowUp'): number {
  if (count <= 0) return -1;
  if (key === 'ArrowDown') return current < 0 || current >= count - 1 ? 0 : current + 1;
  return current <= 0 ? count - 1 : current - 1;
}
