/**
 * Glossary links for any blog, served as /glossary-links.js (built by
 * src/integrations/standalone-scripts.ts). A blogger adds
 *   <script async src="https://<site>/glossary-links.js"></script>
 * and mentions of glossary terms in their post become links to the term pages, each with a
 * preview of the term's card on hover, focus or a first tap.
 *
 * - The post is every `[data-outsourcing-glossary]` element, else every `article`, else `main`.
 * - Mentions are found by the site's own matcher (src/lib/term-matcher.ts): titles and aliases,
 *   whole words, plurals, the longest name wins; the first mention of a term per post, never
 *   inside links, headings, code, pre, buttons, form fields, contenteditable or
 *   `[data-glossary-skip]`.
 * - The index is fetched lazily and only in part (src/lib/links-index.ts): a filter, then the
 *   buckets of the words the post actually holds; a card when its popover first opens.
 * - The popover lives in a shadow root, styled by a constructed stylesheet (allowed under any
 *   style-src; its text, src/styles/links-popover.css, comes with the index), on an element whose inline style resets whatever the host's CSS says. Cards come
 *   as a JSON DOM tree and are rebuilt with createElement, an allowlist of tags and attributes,
 *   and text nodes: nothing is ever parsed as HTML.
 * - Layout does not move: a link takes its font from its text, and the popover is out of flow.
 *
 * Options, as data- attributes of the script tag: data-max="10" (links per post, default 20),
 * data-topics="models,contracts" (only these), data-exclude-topics="people", data-new-tab.
 */
import { bucketPath, cardPath, type CardNode, type LinksEntry, type LinksManifest } from '../lib/links-index.ts';
import { linkPosts, readPosts, wantedBuckets } from './glossary-links-scan.ts';

const KEY = Symbol.for('glossaryLinks');
const me = document.currentScript;
const global = window as unknown as Record<symbol, unknown>;

const TAGS = /^(article|p|a|span|ul|li)$/;
const ATTRIBUTES = /^(class|target|rel)$/;
if (!global[KEY] && me instanceof HTMLScriptElement && me.src) {
  global[KEY] = 1;
  const origin = new URL(me.src).origin;
  const options = me.dataset;
  const list = (value?: string) => value?.split(/\s*,\s*/);
  const ready = () => void start(origin, +(options.max ?? '') || 20, list(options.topics), list(options.excludeTopics), 'newTab' in options).catch(() => {});
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ready);
  else ready();
}

async function start(origin: string, max: number, only?: string[], except?: string[], newTab?: boolean) {
  const get = (path: string) => fetch(origin + path).then((r) => (r.ok ? r.json() : Promise.reject()));
  // 1. The post's text and its words.
  const { posts, words } = readPosts();
  if (!words.size) return;
  // 2. Only the buckets of words the filter may hold.
  const manifest = (await get('/glossary-links/index.json')) as LinksManifest;
  const entries = (await Promise.all(wantedBuckets(manifest, words).map((b) => get(bucketPath(b))))) as LinksEntry[][];
  // 3. The links.
  const links = linkPosts(posts, entries, origin, max, only, except, newTab);

  // 4. The popover.
  const cards = new Map<string, Promise<CardNode>>();
  let host: HTMLElement | undefined;
  let box: HTMLElement;
  let current: HTMLAnchorElement | undefined;
  let shown: HTMLAnchorElement | undefined;
  let tapShown: HTMLAnchorElement | undefined;
  let touch = false;
  let timer = 0;

  const build = (node: CardNode): Node => {
    if (typeof node === 'string') return document.createTextNode(node);
    const [tag, attributes, ...children] = node;
    const element = document.createElement(TAGS.test(tag) ? tag : 'span');
    // Links in a card are site-relative; anything else is dropped.
    for (const [name, value] of Object.entries(attributes)) {
      if (name === 'href') /^\/\w/.test(value) && element.setAttribute(name, origin + value);
      else if (ATTRIBUTES.test(name)) element.setAttribute(name, value);
    }
    children.forEach((child) => element.append(build(child)));
    return element;
  };

  const hide = () => {
    clearTimeout(timer);
    shown?.removeAttribute('aria-describedby');
    current = shown = undefined;
    if (host) box.hidden = true;
  };

  const show = async (link: HTMLAnchorElement) => {
    clearTimeout(timer);
    if (current === link) return;
    current = link;
    const slug = link.dataset.glossaryTerm!;
    if (!cards.has(slug)) cards.set(slug, get(cardPath(slug)));
    let tree: CardNode;
    try {
      tree = await cards.get(slug)!;
    } catch {
      cards.delete(slug);
      if (current === link) current = undefined;
      return;
    }
    if (current !== link) return;
    if (!host) {
      host = document.createElement('div');
      host.id = 'outsourcing-glossary-popover';
      host.style.cssText = 'all:initial!important;position:fixed!important';
      const shadow = host.attachShadow({ mode: 'open' });
      box = document.createElement('div');
      box.className = 'b';
      box.setAttribute('role', 'tooltip');
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(manifest.css);
      shadow.adoptedStyleSheets = [sheet];
      shadow.append(box);
      document.body.append(host);
    }
    shown?.removeAttribute('aria-describedby');
    box.replaceChildren(build(tree));
    box.hidden = false;
    shown = link;
    link.setAttribute('aria-describedby', host.id);
    const r = link.getBoundingClientRect();
    const width = box.offsetWidth;
    const height = box.offsetHeight;
    box.style.left = `${Math.max(8, Math.min(r.left, innerWidth - width - 8))}px`;
    box.style.top = `${r.bottom + 8 + height < innerHeight || r.top < height + 8 ? r.bottom + 6 : r.top - height - 6}px`;
  };

  const linkOf = (target: EventTarget | null) => {
    const a = target instanceof Element ? target.closest('a') : null;
    return a && links.has(a) ? (a as HTMLAnchorElement) : undefined;
  };
  const later = (action: () => void) => {
    clearTimeout(timer);
    timer = window.setTimeout(action, 250);
  };

  addEventListener('pointerover', (e) => {
    if (e.pointerType === 'touch') return;
    const link = linkOf(e.target);
    if (link) later(() => show(link));
    else if (host && e.target === host) clearTimeout(timer);
  });
  addEventListener('pointerout', (e) => {
    if (e.pointerType !== 'touch' && (linkOf(e.target) || (host && e.target === host))) later(hide);
  });
  addEventListener('focusin', (e) => {
    const link = linkOf(e.target);
    if (link) show(link);
    else if (e.target !== host) hide();
  });
  addEventListener('pointerdown', (e) => {
    touch = e.pointerType === 'touch';
    tapShown = shown;
    if (!linkOf(e.target) && e.target !== host) hide();
  });
  // On touch, the first tap on a link shows its card; a second one follows it.
  addEventListener('click', (e) => {
    const link = linkOf(e.target);
    if (touch && link && tapShown !== link) {
      e.preventDefault();
      current = undefined;
      show(link);
    }
  });
  addEventListener('keydown', (e) => {
    if (e.key === 'Escape') hide();
  });
  addEventListener('scroll', () => touch || hide());
}
