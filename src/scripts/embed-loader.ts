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
  LOADER_KEY,
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

interface TrustedTypes {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): { createScriptURL(url: string): string };
}

const KEY = Symbol.for(LOADER_KEY);
const host = window as unknown as Record<symbol, Loader | undefined> & { trustedTypes?: TrustedTypes };
// `document.currentScript` can be shadowed by a host element named "currentScript": only a real
// script element counts.
const current = document.currentScript;
const running = host[KEY];

if (running) running.scan();
else if (current instanceof HTMLScriptElement && current.src) start(new URL(current.src).origin);

function start(origin: string): void {
  const seen = new WeakSet<Element>();
  const embeds: Embed[] = [];
  const known = new Set<string>();
  /** Term list scripts by path: the blockquotes waiting for it, or true once it has run. */
  const lists = new Map<string, Element[] | true>();

  const slugOf = (quote: Element) => quote.getAttribute('data-term') as string;

  // Safe to call twice: a second call finds nothing to remove (splice(-1, 1) would remove the
  // last, unrelated embed).
  const drop = (embed: Embed) => {
    const at = embeds.indexOf(embed);
    if (at < 0) return;
    embeds.splice(at, 1);
    embed.frame.remove();
  };

  // Under Trusted Types (`require-trusted-types-for 'script'`), a script URL must come from a
  // policy; ours passes only our own term list addresses. Where the host allows no policy of
  // that name, there is none, setting the URL throws, and the blockquotes simply stay.
  let policy: { createScriptURL(url: string): string } | undefined;
  try {
    policy = host.trustedTypes?.createPolicy('outsourcing-glossary-embed', {
      createScriptURL: (url) => {
        if (url.startsWith(`${origin}/embed/terms-`)) return url;
        throw Error();
      },
    });
  } catch {}

  const frame = (quote: Element) => {
    const parent = quote.parentNode;
    const slug = slugOf(quote);
    if (!parent || !known.has(slug)) return;
    const name = (quote.querySelector('strong') || quote.querySelector('a') || quote).textContent || '';
    const iframe = document.createElement('iframe');
    const theme = quote.getAttribute('data-theme');
    iframe.src = origin + embedPath(slug, theme);
    iframe.title = frameTitle(name.replace(/\s+/g, ' ').trim().slice(0, 100) || slug);
    iframe.className = `${EMBED_CLASS}-frame`;
    iframe.setAttribute('scrolling', 'no');
    iframe.setAttribute('aria-hidden', 'true');
    const style = iframe.style;
    style.display = 'block';
    style.width = '100%';
    style.height = '0';
    style.border = '0';
    // The frame's color-scheme matches the card's (light unless dark or auto), or Chromium paints
    // the frame opaque: square corners and a strip beside the card where the page's differs.
    style.colorScheme = theme === 'dark' ? theme : theme === 'auto' ? 'light dark' : 'light';
    const embed: Embed = { frame: iframe, slug, quote, shown: false };
    embeds.push(embed);
    // Only the first load counts: a frame that loads again (navigated, reloaded) must not
    // schedule a second drop.
    iframe.addEventListener('load', () => setTimeout(() => embed.shown || drop(embed), GRACE_MS), { once: true });
    parent.insertBefore(iframe, quote);
  };

  const load = (quote: Element) => {
    const path = termListPath(slugOf(quote));
    const waiting = lists.get(path);
    if (waiting === true) return frame(quote);
    if (waiting) return void waiting.push(quote);
    lists.set(path, [quote]);
    const script = document.createElement('script');
    try {
      script.src = policy ? policy.createScriptURL(origin + path) : origin + path;
    } catch {
      // Trusted Types refused the address: leave every waiting blockquote as it is.
      lists.delete(path);
      return;
    }
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

  host[KEY] = {
    scan,
    known: (slugs) => {
      if (Array.isArray(slugs)) slugs.forEach((slug) => isEmbeddableSlug(slug) && known.add(slug));
    },
  };
  scan();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
}
