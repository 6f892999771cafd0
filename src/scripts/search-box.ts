// The header's search control. Without JavaScript it is a link to /search/. With it, the button,
// `/` or Ctrl/Cmd-K (unless the reader is typing in a field) open the search dialog over the
// page; closing it (Escape) puts the scroll position and focus back where they were. The
// suggestions code and Pagefind load on first use.
import { isSearchShortcut } from '../lib/search-keys.ts';
import { SEARCH_UI_PATH } from '../lib/standalone-paths.ts';

const dialog = document.querySelector<HTMLDialogElement>('#search-dialog');

if (dialog) {
  const open = (event: Event) => {
    event.preventDefault();
    if (dialog.open) return;
    const y = scrollY;
    const from = document.activeElement as HTMLElement | null;
    dialog.showModal();
    dialog.addEventListener('close', () => {
      from?.focus({ preventScroll: true });
      scrollTo(scrollX, y);
    }, { once: true });
    // A fixed address, not a bundled chunk: no loader helper in the script every page runs.
    import(/* @vite-ignore */ SEARCH_UI_PATH).catch(() => {});
  };
  document.querySelector('button.search-open')?.addEventListener('click', open);
  document.addEventListener('keydown', (event) => {
    if (!event.defaultPrevented && isSearchShortcut(event, event.target as HTMLElement | null)) open(event);
  });
}
