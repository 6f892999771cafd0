import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { builtPages } from '../support/dist.ts';

const config = JSON.parse(readFileSync('.htmlvalidate.json', 'utf8')) as ConfigData;
const validator = new HtmlValidate(config);
const pages = builtPages();

describe('valid HTML (html-validate, recommended rules)', () => {
  it.each(pages.map((p) => [p.path, p] as const))('%s', async (_path, page) => {
    const report = await validator.validateString(page.html, page.file);
    const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
    expect(messages).toEqual([]);
  });
});
