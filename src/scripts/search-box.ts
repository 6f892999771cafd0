// The header search box. Without JavaScript it is a plain form that submits to /search/?q=.
// This script only listens: `/` or Ctrl/Cmd-K focuses the box (unless the reader is typing in
// another field), and the first focus loads the suggestions code and Pagefind.
import { isSearchShortcut } from '../lib/search-keys.ts';
import { SEARCH_UI_PATH } from '../lib/standalone-paths.ts';

const input = document.querySelector<HTMLInputElement>('#header-search-input');

if (input) {
  let started = false;
  input.setAttribute('aria-keyshortcuts', '/ Control+K Meta+K');
  input.addEventListener('focus', () => {
    if (started) return;
    started = true;
    // A fixed address, not a bundled chunk: no loader helper in the script every page runs.
    import(/* @vite-ignore */ SEARCH_UI_PATH).catch(() => (started = false));
  });
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || !isSearchShortcut(event, event.target as HTMLElement | null)) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
}
