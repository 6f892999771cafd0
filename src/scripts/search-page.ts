// The search page: results for the query and filters in the URL (/search/?q=bpo&kind=term),
// updated as you type. Typing replaces the current history entry after the first keystroke
// of a run, a submitted search or a filter change adds one, and Back/Forward re-run the
// search of the entry they land on. Results are built from text nodes only.
import { historyMode, parseSearchState, resultCountText, searchStateToQuery, sameState, type ResultView, type SearchState } from '../lib/search.ts';
import { loadPagefind, runSearch, type SearchOutcome } from './search-engine.ts';
import { preloadNames } from './name-lookup.ts';

const PAGE_SIZE = 20;
// Keystrokes closer together than this make one search (a paste, a fast typist); each search
// takes a few milliseconds, and a stale answer is dropped, so the wait is kept short.
const DELAY_MS = 10;

const form = document.querySelector<HTMLFormElement>('#search-form');
const input = document.querySelector<HTMLInputElement>('#search-q');
const topicSelect = document.querySelector<HTMLSelectElement>('#search-topic');
const status = document.querySelector<HTMLElement>('#search-status');
const list = document.querySelector<HTMLOListElement>('#search-results');
const more = document.querySelector<HTMLButtonElement>('#search-more');
const empty = document.querySelector<HTMLElement>('#search-empty');
const correction = document.querySelector<HTMLElement>('#search-correction');

if (form && input && topicSelect && status && list && more && empty && correction) {
  document.querySelectorAll<HTMLElement>('[data-search-nojs]').forEach((note) => (note.hidden = true));
  const options = [...topicSelect.options];
  const topics = options.map((o) => o.value).filter(Boolean);
  const topicLabels = new Map(options.map((o) => [o.value, o.text]));

  let current = parseSearchState(location.search, topics);
  let typingEntry = false;
  let token = 0;
  let outcome: SearchOutcome | undefined;
  let shown = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const readForm = (): SearchState =>
    parseSearchState(new URLSearchParams([...new FormData(form)].map(([k, v]) => [k, String(v)])), topics);

  const fillForm = (state: SearchState) => {
    input.value = state.q;
    form.querySelectorAll<HTMLInputElement>('input[name="kind"]').forEach((radio) => (radio.checked = radio.value === (state.kind ?? '')));
    topicSelect.value = state.topic ?? '';
  };

  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const renderResult = (view: ResultView) => {
    const item = el('li', '');
    const article = el('article', 'search-result');
    const heading = el('h2', '');
    const link = el('a', '', view.title);
    link.href = view.url;
    heading.append(link);
    const topic = view.topic ? topicLabels.get(view.topic) : undefined;
    article.append(heading, el('p', 'search-result__meta', topic ? `${view.kindLabel} · ${topic}` : view.kindLabel));
    if (view.alsoCalled) article.append(el('p', 'search-result__alias', `also called ${view.alsoCalled}`));
    if (view.excerpt.length) {
      const excerpt = el('p', 'search-result__excerpt');
      for (const part of view.excerpt) excerpt.append(part.mark ? el('mark', '', part.text) : document.createTextNode(part.text));
      article.append(excerpt);
    }
    if (view.summary) article.append(el('p', 'search-result__summary', view.summary));
    item.append(article);
    return item;
  };

  const clear = () => {
    outcome = undefined;
    shown = 0;
    list.replaceChildren();
    list.hidden = true;
    more.hidden = true;
    empty.hidden = true;
    correction.hidden = true;
  };

  const show = async (state: SearchState) => {
    const mine = ++token;
    if (!state.q) {
      clear();
      status.textContent = '';
      return;
    }
    try {
      const found = await runSearch(state);
      const views = await found.views(0, PAGE_SIZE);
      if (mine !== token) return;
      outcome = found;
      shown = Math.min(PAGE_SIZE, found.total);
      list.replaceChildren(...views.map(renderResult));
      list.hidden = views.length === 0;
      more.hidden = shown >= found.total;
      empty.hidden = found.total > 0;
      status.textContent = resultCountText(found.total, state.q);
      const link = correction.querySelector('a');
      if (link && found.correction) {
        link.textContent = found.correction.title;
        link.href = found.correction.url;
      }
      correction.hidden = !found.correction;
    } catch {
      if (mine !== token) return;
      clear();
      status.textContent = 'Search could not load. Try again in a moment, or browse the A-Z index.';
    }
  };

  const commit = (cause: 'typing' | 'commit') => {
    const next = readForm();
    const mode = historyMode(current, next, cause, typingEntry);
    const url = `${location.pathname}${searchStateToQuery(next)}`;
    if (mode === 'push') history.pushState(null, '', url);
    else if (mode === 'replace') history.replaceState(null, '', url);
    if (cause === 'commit') typingEntry = false;
    else if (mode !== 'none') typingEntry = true;
    const changed = !sameState(current, next);
    current = next;
    if (changed || cause === 'commit') void show(next);
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => commit('typing'), DELAY_MS);
  });
  input.addEventListener('focus', () => {
    void loadPagefind().catch(() => {});
    preloadNames();
  }, { once: true });
  input.addEventListener('blur', () => (typingEntry = false));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    commit('commit');
  });
  form.addEventListener('change', (event) => {
    if (event.target !== input) commit('commit');
  });
  more.addEventListener('click', async () => {
    const found = outcome;
    if (!found) return;
    const mine = token;
    const views = await found.views(shown, shown + PAGE_SIZE);
    if (mine !== token || found !== outcome) return;
    const items = views.map(renderResult);
    list.append(...items);
    shown = Math.min(shown + PAGE_SIZE, found.total);
    more.hidden = shown >= found.total;
    items[0]?.querySelector('a')?.focus();
  });
  window.addEventListener('popstate', () => {
    clearTimeout(timer);
    current = parseSearchState(location.search, topics);
    typingEntry = false;
    fillForm(current);
    void show(current);
  });

  // Start from the URL, written the canonical way (normalised query, known filters only).
  const canonical = `${location.pathname}${searchStateToQuery(current)}`;
  if (canonical !== `${location.pathname}${location.search}`) history.replaceState(null, '', canonical);
  fillForm(current);
  if (current.q) void show(current);
}
