import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { buildContent, type BuildResult } from '../support/build-site.ts';
import { builtPage, builtPages, distDir, type BuiltPage } from '../support/dist.ts';
import { pageScripts } from '../support/weight.ts';

const TERM_LINKS = ['opportunity-cost', 'delegation', 'virtual-assistant', 'out-tasking', 'hourly-worth', 'low-value-task'].map((s) => `/terms/${s}/`);

/** External scripts of a page that define the calculator element. */
function calculatorScripts(page: BuiltPage, dir = distDir()): string[] {
  return page.root
    .querySelectorAll('script[src]')
    .map((s) => s.getAttribute('src')!)
    .filter((src) => readFileSync(join(dir, src), 'utf8').includes('worth-calculator'));
}

describe('the calculator page as built', () => {
  const page = builtPage('/calculator/');
  const calc = page.root.querySelector('worth-calculator')!;

  it('renders the worked example on the server', () => {
    expect(page.root.querySelector('h1')?.text).toBe('What is your hour worth?');
    expect(calc).toBeTruthy();
    expect(calc.querySelector('[data-out="daily"]')?.text).toBe('$600');
    expect(calc.querySelector('[data-out="hourly"]')?.text).toBe('$75');
    expect(calc.querySelector('[data-out="formulaDay"]')?.text).toBe('$150,000 ÷ 250 days = $600 a day');
    expect(calc.querySelectorAll('[data-rows] [data-row]')).toHaveLength(4);
    expect(calc.querySelector('[data-js-note]')?.text).toMatch(/needs JavaScript/);
    expect(calc.querySelector('[aria-live="polite"]')?.text).toMatch(/^Your hour is worth \$75/);
  });

  it('labels every control and links the terms the results rest on', () => {
    const controls = calc.querySelectorAll('input, select');
    expect(controls.length).toBeGreaterThanOrEqual(4 + 4 * 3);
    for (const control of controls) {
      const id = control.getAttribute('id');
      expect(id, control.toString()).toBeTruthy();
      expect(calc.querySelectorAll(`label[for="${id}"]`), id).toHaveLength(1);
      for (const ref of (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean)) {
        expect(page.root.querySelector(`#${ref}`), `${id} describedby ${ref}`).toBeTruthy();
      }
    }
    const hrefs = calc.querySelectorAll('a').map((a) => a.getAttribute('href'));
    for (const link of TERM_LINKS) expect(hrefs).toContain(link);
  });

  it('is valid HTML', async () => {
    const report = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(page.html);
    const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`));
    expect(messages).toEqual([]);
  });

  it('loads the calculator script as a module, and only on pages that show the calculator', () => {
    const scripts = calculatorScripts(page);
    expect(scripts).toHaveLength(1);
    const tag = page.root.querySelector(`script[src="${scripts[0]}"]`)!;
    expect(tag.getAttribute('type')).toBe('module');
    const others = builtPages().filter((p) => p.path !== '/calculator/' && !p.root.querySelector('worth-calculator'));
    expect(others.map((p) => p.path)).toContain('/');
    for (const other of others) {
      expect(calculatorScripts(other), other.path).toEqual([]);
      expect(other.html, other.path).not.toContain('worth-calculator');
    }
  });
});

describe('the calculator page\'s JavaScript', () => {
  it('stays within 5 KB gzip, everything it loads included (DESIGN.md budget; bench/calculator-size.ts lists the files)', () => {
    const scripts = pageScripts(distDir(), '/calculator/');
    const total = scripts.reduce((sum, s) => sum + s.gzip, 0);
    expect(total, scripts.map((s) => `${s.name}: ${s.gzip} B`).join(', ')).toBeLessThanOrEqual(5 * 1024);
  });
});

describe('the calculator inside an MDX guide', () => {
  let build: BuildResult;
  afterAll(() => build?.cleanup());

  it('renders from <WorthCalculator /> with no props, with the example and its script', () => {
    build = buildContent('test/fixtures/calculator-in-mdx');
    expect(build.ok, build.output).toBe(true);
    const guide = builtPage('/guides/what-is-your-hour-worth/', build.outDir);
    const calc = guide.root.querySelector('.prose worth-calculator');
    expect(calc).toBeTruthy();
    expect(calc!.querySelector('[data-out="daily"]')?.text).toBe('$600');
    expect(calc!.querySelector('[data-out="hourly"]')?.text).toBe('$75');
    expect(calculatorScripts(guide, build.outDir)).toHaveLength(1);
    expect(guide.html.indexOf('Some prose before')).toBeLessThan(guide.html.indexOf('<worth-calculator'));
  });
});
