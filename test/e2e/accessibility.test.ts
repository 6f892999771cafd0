import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { openSite, type SiteSession } from '../support/browser.ts';
import { builtPages } from '../support/dist.ts';

let site: SiteSession;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => site?.close());

// Pages that only send the reader on (/terms/ -> /glossary/) are checked where they land.
const pages = builtPages().filter((p) => !p.root.querySelector('meta[http-equiv="refresh"]'));

// The embed views (/embed/<slug>/) are one small template filled with a card: every tenth of
// them, and the one with the longest title and summary, stand for the rest here (their markup
// is checked for every term in test/build/embed.test.ts, and the card itself on every term page).
const embeds = pages.filter((p) => p.path.startsWith('/embed/'));
const longestEmbed = embeds.reduce<(typeof embeds)[number] | undefined>(
  (best, p) => (!best || p.root.text.length > best.root.text.length ? p : best),
  undefined,
);
const sampledEmbeds = new Set([...embeds.filter((_, i) => i % 10 === 0), ...(longestEmbed ? [longestEmbed] : [])].map((p) => p.path));
const paths = pages.filter((p) => !p.path.startsWith('/embed/') || sampledEmbeds.has(p.path)).map((p) => p.path);

describe('accessibility of every page (embed views sampled), in both themes (axe-core), light on a 320 px phone', () => {
  it('checks every page but the embed views, and a sample of those', () => {
    expect(embeds.length).toBeGreaterThan(0);
    expect(paths.filter((p) => p.startsWith('/embed/')).length).toBeGreaterThanOrEqual(Math.min(embeds.length, 10));
  });

  it.each(paths)('%s', async (path) => {
    const found: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const viewport = colorScheme === 'light' ? { width: 320, height: 640 } : { width: 1280, height: 800 };
      const { page, errors } = await site.newPage({ colorScheme, viewport });
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) found.push(`${colorScheme}: page is ${overflow}px wider than a ${viewport.width}px screen`);
      found.push(...(await axeViolations(page)).map((v) => `${colorScheme}: ${v}`));
      // CSP violations and script errors show up as console errors.
      found.push(...errors.map((e) => `${colorScheme}: ${e}`));
      await page.context().close();
    }
    expect(found).toEqual([]);
  });
});

const KEYBOARD_PAGES = ['/', '/terms/outsourcing/', '/guides/what-is-your-hour-worth/', '/calculator/', '/search/', '/compare/offshoring-vs-outsourcing/'];

describe('keyboard', () => {
  it.each(KEYBOARD_PAGES)('%s: every control is reachable with Tab and visibly focused', async (path) => {
    const { page } = await site.newPage();
    await page.goto(path);
    const controls = await page.evaluate(() => {
      const selector = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
      const radioGroups = new Set<string>();
      return [...document.querySelectorAll<HTMLElement>(selector)]
        .filter((el) => {
          if (el.closest('template') || (el as HTMLButtonElement).disabled) return false;
          // Hidden, or inside a closed <details>: not a stop until shown.
          if (!el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })) return false;
          if (el.closest('details:not([open])') && el.tagName !== 'SUMMARY') return false;
          // A radio group is one Tab stop; arrow keys move within it.
          if (el instanceof HTMLInputElement && el.type === 'radio') {
            if (radioGroups.has(el.name)) return false;
            radioGroups.add(el.name);
            el.closest('fieldset, [role="radiogroup"]')?.querySelectorAll<HTMLElement>(`input[type="radio"][name="${el.name}"]`).forEach((r) => (r.dataset.kbdGroup = el.name));
          }
          return true;
        })
        .map((el, i) => {
          el.dataset.kbdProbe = String(i);
          return i;
        });
    });
    const reached = new Set<string>();
    const unfocused: string[] = [];
    for (let i = 0; i < controls.length + 40 && reached.size < controls.length; i++) {
      await page.keyboard.press('Tab');
      const state = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return undefined;
        const style = getComputedStyle(el);
        const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
        const ring = style.boxShadow !== 'none';
        const probe = el.dataset.kbdProbe ?? (el.dataset.kbdGroup ? document.querySelector<HTMLElement>(`[data-kbd-group="${el.dataset.kbdGroup}"][data-kbd-probe]`)?.dataset.kbdProbe : undefined);
        return { probe, visible: outline || ring, what: el.outerHTML.slice(0, 80) };
      });
      if (!state?.probe) continue;
      reached.add(state.probe);
      if (!state.visible) unfocused.push(state.what);
    }
    expect(unfocused).toEqual([]);
    expect(reached.size).toBe(controls.length);
  });
});
