// Turns the header's search field into a combobox (WAI-ARIA APG pattern, list autocomplete):
// suggestions appear as you type, arrow keys move through them, Enter opens the active one
// (or, with none active, submits the form to /search/?q=), Escape closes the list.
// Loaded by search-box.ts on first use. Everything shown is built as text nodes.
import { normalizeQuery, resultCountText, searchStateToQuery, type ResultView } from '../lib/search.ts';
import { nextActiveIndex } from '../lib/search-keys.ts';
import { loadPagefind, runSearch } from './search-engine.ts';
import { preloadNames } from './name-lookup.ts';

const LIMIT = 8;
// Keystrokes closer together than this make one search (a paste, a fast typist); each search
// takes a few milliseconds, and a stale answer is dropped, so the wait is kept short.
const DELAY_MS = 10;

function make<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function enhance(input: HTMLInputElement): void {
  const form = input.form;
  if (!form || input.getAttribute('role') === 'combobox') return;
  const id = input.id || 'header-search';
  const popup = make('div', 'search-popup');
  const list = make('ul', 'search-popup__list');
  const all = make('a', 'search-popup__all');
  const status = make('p', 'visually-hidden');
  list.id = `${id}-listbox`;
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Suggestions');
  status.setAttribute('role', 'status');
  popup.hidden = true;
  popup.append(list, all);
  form.append(popup, status);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'false');

  let views: ResultView[] = [];
  let active = -1;
  let token = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const setActive = (index: number) => {
    active = index;
    list.querySelectorAll('[role="option"]').forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
    const option = index >= 0 ? list.children[index] : undefined;
    if (option) {
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };

  const open = (show: boolean) => {
    popup.hidden = !show;
    input.setAttribute('aria-expanded', String(show));
    if (!show) setActive(-1);
  };

  const option = (view: ResultView, index: number) => {
    const item = make('li', 'search-popup__option');
    item.id = `${id}-option-${index}`;
    item.setAttribute('role', 'option');
    item.setAttribute('aria-selected', 'false');
    item.append(make('span', 'search-popup__title', view.title), make('span', 'search-popup__kind', view.kindLabel));
    if (view.alsoCalled) item.append(make('span', 'search-popup__alias', `also called ${view.alsoCalled}`));
    if (view.summary) item.append(make('span', 'search-popup__summary', view.summary));
    item.addEventListener('click', () => location.assign(view.url));
    return item;
  };

  const update = async () => {
    const q = normalizeQuery(input.value);
    const mine = ++token;
    if (!q) {
      views = [];
      list.replaceChildren();
      status.textContent = '';
      open(false);
      return;
    }
    try {
      const outcome = await runSearch({ q, kind: null, topic: null });
      const found = await outcome.views(0, LIMIT);
      if (mine !== token) return;
      views = found;
      setActive(-1);
      list.replaceChildren(...found.map(option));
      all.href = `/search/${searchStateToQuery({ q, kind: null, topic: null })}`;
      all.textContent = found.length ? `All results for “${q}”` : `No matches. Search all pages for “${q}”`;
      status.textContent = resultCountText(outcome.total, q);
      open(document.activeElement === input);
    } catch {
      if (mine === token) status.textContent = 'Search is not available right now.';
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(update, DELAY_MS);
  });
  input.addEventListener('focus', () => {
    if (views.length && normalizeQuery(input.value)) open(true);
  });
  input.addEventListener('keydown', (event) => {
    if (event.isComposing) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!views.length) return;
      event.preventDefault();
      if (popup.hidden) open(true);
      setActive(nextActiveIndex(active, views.length, event.key));
    } else if (event.key === 'Enter') {
      const view = popup.hidden ? undefined : views[active];
      if (view) {
        event.preventDefault();
        location.assign(view.url);
      }
    } else if (event.key === 'Escape') {
      // The first Escape closes the list; with the list closed, it reaches the dialog and closes it.
      if (popup.hidden) return;
      event.preventDefault();
      open(false);
    }
  });
  // Clicking a suggestion must not move focus out of the field first.
  list.addEventListener('mousedown', (event) => event.preventDefault());
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) open(false);
  });

  loadPagefind().catch(() => {});
  preloadNames();
  if (normalizeQuery(input.value)) void update();
}
