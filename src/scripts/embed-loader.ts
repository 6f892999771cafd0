/**
 * The embed loader, served to other sites as /embed.js (built by src/integrations/standalone-scripts.ts).
 *
 * It finds `<blockquote class="glossary-embed" data-term="<slug>">` on the page and, as each
 * nears the viewport, puts the live card (an iframe of /embed/<slug>/ on the loader's own
 * origin) in its place:
 * - a malformed slug is left alone, with no request at all;
 * - a well-formed slug is looked up in the term list script for its first letter (one small
 *   request per letter, shared by every blockquote); an unknown one is left alone;
 * - the frame stays zero-height and the blockquote stays in place until the card reports its
 *   height, so a card that never loads leaves the blockquote readable.
 * Height reports are trusted only from the loader's origin, from the frame they concern, for
 * its slug, and within sane bounds. Page data is never written as HTML.
 *
 * Loading the script again rescans the page (for content added later) and changes nothing else.
 */
import {
  EMBED_CLASS,
  LOADER_GLOBAL,
  embedPath,
  frameTitle,
  heightFromMessage,
  isEmbeddableSlug,
  termListPath,
} from '../lib/embed-protocol.ts';

interface Embed {
  frame: HTMLIFrameElement;
  slug: string;
  quote: Element;
  shown: boolean;
}

interface Loader {
  scan(): void;
  known(slugs: unknown): void;
}

/** How long after the frame has loaded a card may take to report before we give up on it. */
const GRACE_MS = 5000;

const host = window as unknown as Record<string, Loader | undefined>;
const current = document.currentScript as HTMLScriptElement | null;
const running = host[LOADER_GLOBAL];

if (running) running.scan();
else if (current && current.src) start(new URL(current.src).origin);

function start(origin: string): void {
  const seen = new WeakSet<Element>();
  const embeds: Embed[] = [];
  const known = new Set<string>();
  /** Term list scripts by path: the blockquotes waiting for it, or true once it has run. */
  const lists = new Map<string, Element[] | true>();

  const slugOf = (quote: Element) => quote.getAttribute('data-term') as string;

  const drop = (embed: Embed) => {
    embed.frame.remove();
    embeds.splice(embeds.indexOf(embed), 1);
  };

  const frame = (quote: Element) => {
    const parent = quote.parentNode;
    const slug = slugOf(quote);
    if (!parent || !known.has(slug)) return;
    const name = (quote.querySelector('strong') || quote.querySelector('a') || quote).textContent || '';
    const iframe = document.createElement('iframe');
    iframe.src = origin + embedPath(slug, quote.getAttribute('data-theme'));
    iframe.title = frameTitle(name.replace(/\s+/g, ' ').trim().slice(0, 100) || slug);
    iframe.className = `${EMBED_CLASS}-frame`;
    iframe.setAttribute('scrolling', 'no');
    iframe.setAttribute('aria-hidden', 'true');
    const style = iframe.style;
    style.display = 'block';
    style.width = '100%';
    style.height = '0';
    style.border = '0';
    const embed: Embed = { frame: iframe, slug, quote, shown: false };
    embeds.push(embed);
    iframe.addEventListener('load', () => setTimeout(() => embed.shown || drop(embed), GRACE_MS));
    parent.insertBefore(iframe, quote);
  };

  const load = (quote: Element) => {
    const path = termListPath(slugOf(quote));
    const waiting = lists.get(path);
    if (waiting === true) return frame(quote);
    if (waiting) return void waiting.push(quote);
    lists.set(path, [quote]);
    const script = document.createElement('script');
    script.src = origin + path;
    script.onload = () => {
      const quotes = lists.get(path) as Element[];
      lists.set(path, true);
      script.remove();
      quotes.forEach(frame);
    };
    script.onerror = () => {
      lists.delete(path);
      script.remove();
    };
    document.head.appendChild(script);
  };

  const observer =
    'IntersectionObserver' in window
      ? new IntersectionObserver(
          (entries) => {
            for (const entry of entries) {
              if (!entry.isIntersecting) continue;
              observer!.unobserve(entry.target);
              load(entry.target);
            }
          },
          { rootMargin: '400px 0px' },
        )
      : undefined;

  const scan = () => {
    document.querySelectorAll(`blockquote.${EMBED_CLASS}[data-term]`).forEach((quote) => {
      if (seen.has(quote)) return;
      seen.add(quote);
      if (!isEmbeddableSlug(slugOf(quote))) return;
      if (observer) observer.observe(quote);
      else load(quote);
    });
  };

  addEventListener('message', (event) => {
    if (event.origin !== origin) return;
    for (const embed of embeds) {
      if (embed.frame.contentWindow !== event.source) continue;
      const height = heightFromMessage(event.data, embed.slug);
      if (height === undefined) return;
      embed.frame.style.height = `${height}px`;
      if (!embed.shown) {
        embed.shown = true;
        embed.frame.removeAttribute('aria-hidden');
        embed.quote.remove();
      }
      return;
    }
  });

  host[LOADER_GLOBAL] = {
    scan,
    known: (slugs) => {
      if (Array.isArray(slugs)) slugs.forEach((slug) => isEmbeddableSlug(slug) && known.add(slug));
    },
  };
  scan();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
}
