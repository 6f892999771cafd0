import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from '../support/axe.ts';
import { openSite, type SiteSession } from '../support/browser.ts';

/** NaN, Infinity, or a minus sign stuck to an amount. */
const BAD_TEXT = /NaN|Infinity|[-−][$€£₹₱\d]|[$€£₹₱][-−]/;

let site: SiteSession;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => site?.close());

const out = (page: Page, key: string) => page.locator(`worth-calculator [data-out="${key}"]`).first().textContent();
const income = (page: Page) => page.getByLabel('Yearly income');
const days = (page: Page) => page.getByLabel('Working days a year');
const hours = (page: Page) => page.getByLabel('Hours a day');

/** Opens the calculator and waits for the element to take over the server's HTML. */
async function open(query = '') {
  const session = await site.newPage();
  await session.page.goto(`/calculator/${query}`);
  await session.page.waitForSelector('worth-calculator[data-live]');
  return session;
}

/** The text of the message a field points at with aria-describedby, and whether it is marked invalid. */
async function fieldMessage(page: Page, label: string) {
  return page.getByLabel(label).first().evaluate((el) => {
    const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    const messages = ids.map((id) => document.getElementById(id)).filter((m) => m?.classList.contains('msg'));
    const text = messages.map((m) => m!.textContent!.trim()).filter(Boolean).join(' ');
    // The message sits inside the same field wrapper as the input, so it shows next to it.
    const nextToField = messages.some((m) => m!.textContent!.trim() && el.parentElement!.closest('.field')!.contains(m));
    return { invalid: el.getAttribute('aria-invalid') === 'true', text, nextToField };
  });
}

async function pageText(page: Page) {
  return page.locator('body').innerText();
}


describe('worth calculator in Chromium', () => {
  it('shows the worked example: $600 a day and $75 an hour', async () => {
    const { page, errors } = await open();
    await expect(out(page, 'daily')).resolves.toBe('$600');
    await expect(out(page, 'hourly')).resolves.toBe('$75');
    const text = await pageText(page);
    expect(text).toContain('$600 a day');
    expect(text).toContain('$75 an hour');
    expect(text).not.toContain('needs JavaScript');
    await expect(page.locator('[aria-live="polite"]').textContent()).resolves.toContain('gains you $23,675 a year');
    expect(new URL(page.url()).search).toBe('');
    expect(errors).toEqual([]);
  });

  it('updates as you type: 300,000 a year is $150 an hour, and the URL follows', async () => {
    const { page, errors } = await open();
    await income(page).fill('300,000');
    await expect(out(page, 'hourly')).resolves.toBe('$150');
    await expect(out(page, 'daily')).resolves.toBe('$1,200');
    await expect(page.locator('[aria-live="polite"]').textContent()).resolves.toMatch(/^Your hour is worth \$150/);
    await expect(page.locator('[data-out="formulaDay"]').textContent()).resolves.toBe('$300,000 ÷ 250 days = $1,200 a day');
    expect(new URL(page.url()).searchParams.get('income')).toBe('300000');
    expect(errors).toEqual([]);
  });

  for (const [name, label, value, expected] of [
    ['0 days', 'Working days a year', '0', 'Working days must be a whole number from 1 to 366.'],
    ['a negative income', 'Yearly income', '-150000', 'Income must be a positive amount.'],
    ['letters', 'Yearly income', 'lots', 'Use digits only, for example 150,000 or 12.50.'],
    ['letters for hours', 'Hours a day', 'eight', 'Use digits only, for example 150,000 or 12.50.'],
  ] as const) {
    it(`shows a message by the field for ${name}, and no NaN, Infinity or negative amount`, async () => {
      const { page, errors } = await open();
      await page.getByLabel(label).fill(value);
      const message = await fieldMessage(page, label);
      expect(message).toEqual({ invalid: true, text: expected, nextToField: true });
      await expect(out(page, 'hourly')).resolves.toBe('–');
      await expect(out(page, 'valueGained')).resolves.toBe('–');
      const text = await pageText(page);
      expect(text).toContain(expected);
      expect(text).not.toMatch(BAD_TEXT);
      // Fixing the field clears the message and brings the figures back.
      await page.getByLabel(label).fill(label === 'Working days a year' ? '250' : label === 'Yearly income' ? '150000' : '8');
      await expect(fieldMessage(page, label)).resolves.toEqual({ invalid: false, text: '', nextToField: false });
      await expect(out(page, 'hourly')).resolves.toBe('$75');
      expect(errors).toEqual([]);
    });
  }

  it('adds, edits and removes tasks, with each row labelled and each remove button named by its task', async () => {
    const { page, errors } = await open();
    const rows = page.locator('worth-calculator [data-row]');
    await expect(rows.count()).resolves.toBe(4);
    await expect(page.getByRole('button', { name: 'Remove Inbox' }).count()).resolves.toBe(1);
    await expect(page.getByRole('group', { name: 'Task 2' }).getByLabel('Hours a week').inputValue()).resolves.toBe('3');

    await page.getByRole('button', { name: 'Add a task' }).click();
    await expect(rows.count()).resolves.toBe(5);
    const fresh = page.getByRole('group', { name: 'Task 5' });
    await expect(page.evaluate(() => (document.activeElement as HTMLInputElement).dataset.f)).resolves.toBe('name');
    await fresh.getByLabel('Name').fill('Strategy coach');
    await fresh.getByLabel('Hours a week').fill('1');
    await fresh.getByLabel('Price an hour').fill('$120');
    await expect(fresh.locator('[data-o="verdict"]').textContent()).resolves.toBe('Keep it');
    await expect(page.getByRole('button', { name: 'Remove Strategy coach' }).count()).resolves.toBe(1);

    // Ids stay unique and every input keeps a label after adding rows.
    const ids = await page.locator('worth-calculator [id]').evaluateAll((els) => els.map((e) => e.id));
    expect(new Set(ids).size).toBe(ids.length);

    await page.getByRole('button', { name: 'Remove Inbox' }).click();
    await expect(rows.count()).resolves.toBe(4);
    await expect(page.getByRole('group', { name: 'Task 1' }).getByLabel('Name').inputValue()).resolves.toBe('Bookkeeping');
    await expect(out(page, 'hoursFreed')).resolves.toBe('255');
    expect(new URL(page.url()).searchParams.getAll('task')).toEqual(['Bookkeeping*3*35', 'Ad campaign upkeep*2*50', 'Cover design (one-off)*0.1*40', 'Strategy coach*1*120']);

    // Too many hours a week for the working week: a message by the task list, no totals.
    await page.getByRole('group', { name: 'Task 1' }).getByLabel('Hours a week').fill('39');
    await expect(page.locator('[data-msg="week"]').textContent()).resolves.toMatch(/^Your tasks add up to 42.1 hours a week, more than the 40/);
    await expect(out(page, 'valueGained')).resolves.toBe('–');
    expect(errors).toEqual([]);
  });

  it('restores the same state from a shared URL', async () => {
    const first = await open();
    await income(first.page).fill('96,000');
    await days(first.page).fill('240');
    await hours(first.page).fill('6');
    await first.page.getByLabel('Currency').selectOption('EUR');
    await first.page.getByRole('group', { name: 'Task 3' }).getByLabel('Price an hour').fill('42.5');
    await first.page.getByRole('button', { name: /^Remove Cover design/ }).click();
    const shared = first.page.url();
    const before = await first.page.locator('worth-calculator').evaluate((el) => ({
      values: [...el.querySelectorAll('input,select')].map((i) => (i as HTMLInputElement).value),
      text: (el as HTMLElement).innerText,
    }));
    expect(before.text).toContain('€66.67 an hour');

    const second = await site.newPage();
    await second.page.goto(shared);
    await second.page.waitForSelector('worth-calculator[data-live]');
    const after = await second.page.locator('worth-calculator').evaluate((el) => ({
      values: [...el.querySelectorAll('input,select')].map((i) => (i as HTMLInputElement).value),
      text: (el as HTMLElement).innerText,
    }));
    // Typed "96,000" comes back as the same number, written 96000.
    expect(after.values).toEqual(before.values.map((v) => (v === '96,000' ? '96000' : v)));
    expect(after.text).toBe(before.text);
    expect([...first.errors, ...second.errors]).toEqual([]);
  });

  it('shows messages for a tampered URL instead of crashing', async () => {
    const { page, errors } = await open('?income=-5&days=1e999&hours=NaN&currency=%3Cscript%3E&task=Inbox*x*-3&task=%E0%A4%A&task=*Infinity');
    await expect(fieldMessage(page, 'Yearly income')).resolves.toMatchObject({ invalid: true, text: 'Income must be a positive amount.' });
    await expect(fieldMessage(page, 'Working days a year')).resolves.toMatchObject({ invalid: true });
    await expect(fieldMessage(page, 'Hours a day')).resolves.toMatchObject({ invalid: true });
    await expect(fieldMessage(page, 'Currency')).resolves.toMatchObject({ text: "The link's currency is not one offered here, so US dollars are shown." });
    await expect(page.getByLabel('Currency').inputValue()).resolves.toBe('USD');
    const task1 = page.getByRole('group', { name: 'Task 1' });
    await expect(task1.getByLabel('Price an hour').getAttribute('aria-invalid')).resolves.toBe('true');
    const text = await pageText(page);
    expect(text).not.toMatch(BAD_TEXT);
    expect(text).not.toContain('<script>');
    expect(errors).toEqual([]);

    // Reset brings the example back and clears the address.
    await page.getByRole('button', { name: 'Reset to the example' }).click();
    await expect(out(page, 'hourly')).resolves.toBe('$75');
    await expect(page.locator('worth-calculator .msg:not(:empty)').count()).resolves.toBe(0);
    expect(new URL(page.url()).search).toBe('');
  });

  it('shows the worked example without JavaScript, and says the calculator needs it', async () => {
    const { page, errors } = await site.newPage({ javaScriptEnabled: false });
    await page.goto('/calculator/');
    await expect(out(page, 'daily')).resolves.toBe('$600');
    await expect(out(page, 'hourly')).resolves.toBe('$75');
    const text = await pageText(page);
    expect(text).toContain('$600 a day');
    expect(text).toContain('$75 an hour');
    expect(text).toContain('The calculator needs JavaScript to change them');
    expect(text).toContain('$150,000 ÷ 250 days = $600 a day');
    await expect(page.locator('worth-calculator [data-row]').count()).resolves.toBe(4);
    expect(errors).toEqual([]);
  });

  it('has no axe violations, in the example and with an error message shown', async () => {
    const { page } = await open();
    expect(await axeViolations(page)).toEqual([]);
    await income(page).fill('abc');
    await page.getByRole('group', { name: 'Task 1' }).getByLabel('Hours a week').fill('-1');
    await expect(fieldMessage(page, 'Yearly income')).resolves.toMatchObject({ invalid: true });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('has no axe violations in the dark theme or at 320 px, and fits that width', async () => {
    const { page } = await site.newPage({ colorScheme: 'dark', viewport: { width: 320, height: 700 } });
    await page.goto('/calculator/?days=0');
    await page.waitForSelector('worth-calculator[data-live]');
    expect(await axeViolations(page)).toEqual([]);
    const overflow = await page.locator('worth-calculator').evaluate((el) => {
      const right = (el.closest('main') as HTMLElement).getBoundingClientRect().right;
      return [...el.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > right + 0.5).map((e) => e.outerHTML.slice(0, 80));
    });
    expect(overflow).toEqual([]);
  });
});

describe('reading the figures', () => {
  it('shows a typed 300000 as 300,000 once the reader leaves the field, and still reads it', async () => {
    const { page, errors } = await open();
    await income(page).fill('300000');
    const before = await out(page, 'hourly');
    await income(page).press('Tab');
    await expect(income(page).inputValue()).resolves.toBe('300,000');
    await expect(out(page, 'hourly')).resolves.toBe(before);
    await income(page).fill('1234567.5');
    await income(page).blur();
    await expect(income(page).inputValue()).resolves.toBe('1,234,567.5');
    expect(errors).toEqual([]);
  });

  it('hides "That figure is your hourly worth" while there is no figure', async () => {
    const { page } = await open();
    const line = page.locator('worth-calculator [data-if-worth]');
    await expect(line.isVisible()).resolves.toBe(true);
    await income(page).fill('abc');
    await expect(line.isVisible()).resolves.toBe(false);
    await income(page).fill('90,000');
    await expect(line.isVisible()).resolves.toBe(true);
  });
});
