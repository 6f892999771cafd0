/**
 * The embed loader, served to other sites as /embed.js (built by src/integrations/embed-loader.ts).
 *
 * It finds `<blockquote class="glossary-embed" data-term="<slug>">` on the page and, as each
 * nears the viewport, puts the live card (an iframe of /embed/<slug>/ on the loader's own
 * origin) in its place. The blockquote stays until the card has reported its height, so a
 * slug that is malformed (never requested) or unknown (no report ever comes) leaves it as it
 * is. Height reports are trusted only from the loader's origin, from the frame they concern,
 * for the right slug, and within sane bounds. Page data is never written as HTML.
 *
 * Loading the script again rescans the page (for content added later) and changes nothing else.
 */
import { EMBED_CLASS, embedPath, frameTitle, heightFromMessage, isEmbeddableSlug, isEmbedTheme } from '../lib/embed-protocol.ts';

interface Embed {
  frame: HTMLIFrameElement;
  slug: string;
  quote: Element;
  shown: boolean;
}

/** How long after the frame has loaded a card may take to report before we give up on it. */
const GRACE_MS = 5000;
const GLOBAL = 'glossaryEmbed';

const host = window as unknown as Record<string, { scan(): void } | undefined>;
const current = document.currentScript as HTMLScriptElement | null;
const running = host[GLOBAL];

if (running) running.scan();
else if (current && current.src) start(new URL(current.src).origin);

function start(origin: string): void {
  const seen = new WeakSet<Element>();
  const embeds: Embed[] = [];

  const drop = (embed: Embed) => {
    embed.frame.remove();
    embeds.splice(embeds.indexOf(embed), 1);
  };

  const load = (quote: Element) => {
    const parent = quote.parentNode;
    if (!parent) return;
    const slug = quote.getAttribute('data-term') as string;
    const theme = quote.getAttribute('data-theme');
    const name = (quote.querySelector('strong') || quote.querySelector('a') || quote).textContent || '';
    const frame = document.createElement('iframe');
    frame.src = origin + embedPath(slug, isEmbedTheme(theme) ? theme : null);
    frame.title = frameTitle(name.replace(/\s+/g, ' ').trim().slice(0, 100) || slug);
    frame.className = `${EMBED_CLASS}-frame`;
    frame.setAttribute('scrolling', 'no');
    frame.setAttribute('aria-hidden', 'true');
    const style = frame.style;
    style.display = 'block';
    style.width = '100%';
    style.height = '0';
    style.border = '0';
    const embed: Embed = { frame, slug, quote, shown: false };
    embeds.push(embed);
    frame.addEventListener('load', () => setTimeout(() => embed.shown || drop(embed), GRACE_MS));
    parent.insertBefore(frame, quote);
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
      if (!isEmbeddableSlug(quote.getAttribute('data-term'))) return;
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

  host[GLOBAL] = { scan };
  scan();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
}
