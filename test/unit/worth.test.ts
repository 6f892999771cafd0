import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CURRENCIES,
  DASH,
  EXAMPLE,
  LIMITS,
  assumptionsFor,
  calculate,
  cloneState,
  evaluate,
  formatHours,
  formatMoney,
  fromSearchParams,
  parseNumber,
  plainDecimal,
  present,
  taskKey,
  toSearchParams,
  validateField,
  worthOf,
  type Inputs,
  type RawState,
  type View,
} from '../../src/lib/worth.ts';

// Enough cases to find edge values (fast-check biases towards them) while keeping the file quick on a busy machine.
const RUNS = { numRuns: 4_000 };

/** Every text a view shows, except task names (which are the reader's own words). */
function viewTexts(v: View): string[] {
  const { tasks, ...rest } = v;
  return [...Object.values(rest), ...tasks.flatMap((t) => [t.legend, t.state, t.verdict, t.detail])].map(String);
}
/** NaN, Infinity, or a minus sign stuck to an amount. */
const BAD_TEXT = /NaN|Infinity|[-−][$€£₹₱\d]|[$€£₹₱][-−]|[A-Z]{2}\$[-−]/;

function state(over: Partial<RawState> = {}): RawState {
  return { ...cloneState(EXAMPLE), ...over };
}

describe('worth arithmetic', () => {
  it('turns the worked example into $600 a day and $75 an hour', () => {
    expect(worthOf(150_000, 250, 8)).toEqual({ daily: 600, hourly: 75 });
  });

  it('takes a five-day week, capped at 52 weeks a year', () => {
    expect(assumptionsFor(250, 8)).toEqual({ daysPerWeek: 5, weeksPerYear: 50, hoursPerWeek: 40 });
    const busy = assumptionsFor(312, 10);
    expect(busy.weeksPerYear).toBe(52);
    expect(busy.daysPerWeek).toBe(6);
    expect(busy.hoursPerWeek).toBe(60);
  });

  it('marks tasks cheaper than your hour to hand off and counts what they free and gain', () => {
    const result = calculate({
      income: 150_000,
      days: 250,
      hoursPerDay: 8,
      tasks: [
        { name: 'Inbox', hoursPerWeek: 5, pricePerHour: 15 },
        { name: 'Strategy coach', hoursPerWeek: 1, pricePerHour: 120 },
        { name: 'Exactly my rate', hoursPerWeek: 1, pricePerHour: 75 },
      ],
    });
    const [inbox, coach, same] = result.tasks;
    expect(inbox).toMatchObject({ handOff: true, hoursPerYear: 250, hoursFreed: 250, yearlyCost: 3750, valueGained: 15_000 });
    expect(coach).toMatchObject({ handOff: false, hoursPerYear: 50, hoursFreed: 0, yearlyCost: 0, valueGained: 0 });
    expect(same?.handOff).toBe(false);
    expect(result.totals).toEqual({ handedOff: 1, hoursPerWeek: 7, hoursFreed: 250, yearlyCost: 3750, valueGained: 15_000 });
    expect(result.assumptions.weeksPerYear).toBe(50);
  });

  it('evaluates the example: four tasks handed off, 505 hours and $23,675 a year', () => {
    const ev = evaluate(EXAMPLE);
    expect(ev.errors).toEqual({});
    expect(ev.tasks.map((t) => t?.handOff)).toEqual([true, true, true, true]);
    expect(ev.totals).toMatchObject({ handedOff: 4, hoursFreed: 505, yearlyCost: 14_200, valueGained: 23_675 });
    expect(ev.totals!.hoursPerWeek).toBeCloseTo(10.1, 10);
  });
});

describe('parsing numbers as people type them', () => {
  it.each([
    ['150000', 150_000],
    ['150,000', 150_000],
    ['$150000', 150_000],
    ['$150,000.50', 150_000.5],
    ['  150 000 ', 150_000],
    ['1,50,000', 150_000],
    ['US$ 1,000', 1000],
    ['€40', 40],
    ['40 EUR', 40],
    ['£12.5', 12.5],
    ['₹500', 500],
    ['.5', 0.5],
    ['0', 0],
    ['+7', 7],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumber(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'letters'],
    ['NaN', 'letters'],
    ['Infinity', 'letters'],
    ['-Infinity', 'letters'],
    ['1e5', 'letters'],
    ['150k', 'letters'],
    ['0x10', 'letters'],
    ['-5', 'negative'],
    ['−5', 'negative'],
    ['$-5', 'negative'],
    ['-$5', 'negative'],
    ['1,5', 'format'],
    ['1,,000', 'format'],
    [',100', 'format'],
    ['1.2.3', 'format'],
    ['$', 'format'],
    ['1'.repeat(LIMITS.numberText + 1), 'format'],
  ])('rejects %j (%s)', (text, problem) => {
    expect(parseNumber(text)).toEqual({ ok: false, problem });
  });

  it('never yields negative zero', () => {
    const r = parseNumber('-0');
    expect(r.ok && Object.is(r.value, -0)).toBe(false);
  });
});

describe('field messages', () => {
  const message = (field: Parameters<typeof validateField>[0], text: string) => {
    const r = validateField(field, text);
    return r.ok ? null : r.message;
  };

  it('says what is wrong with an income', () => {
    expect(message('income', '')).toBe('Enter your yearly income, for example 150,000.');
    expect(message('income', '-150000')).toBe('Income must be a positive amount.');
    expect(message('income', '0')).toBe('Enter an income above zero and up to 1,000,000,000.');
    expect(message('income', '1,000,000,001')).toBe('Enter an income above zero and up to 1,000,000,000.');
    expect(message('income', 'lots')).toBe('Use digits only, for example 150,000 or 12.50.');
    expect(message('income', '1,000,000,000')).toBeNull();
  });

  it('keeps working days whole and from 1 to 366', () => {
    for (const bad of ['0', '367', '250.5']) expect(message('days', bad)).toBe('Working days must be a whole number from 1 to 366.');
    expect(message('days', '')).toMatch(/^Enter the days you work/);
    expect(message('days', '1')).toBeNull();
    expect(message('days', '366')).toBeNull();
  });

  it('keeps hours a day from 0.5 to 24', () => {
    for (const bad of ['0.4', '24.5', '0']) expect(message('hours', bad)).toBe('Hours a day must be from 0.5 to 24.');
    expect(message('hours', '0.5')).toBeNull();
    expect(message('hours', '24')).toBeNull();
  });

  it('allows zero but not negatives for task hours and prices', () => {
    expect(message('taskHours', '0')).toBeNull();
    expect(message('taskHours', '-1')).toBe('This cannot be negative.');
    expect(message('taskHours', '169')).toBe('Hours a week must be from 0 to 168, the hours in a week.');
    expect(message('price', '0')).toBeNull();
    expect(message('price', '-10')).toBe('This cannot be negative.');
    expect(message('price', '1000001')).toBe('Enter a price from 0 to 1,000,000 an hour.');
  });

  it('gives each broken field of a form its own message and withholds figures that depend on it', () => {
    const ev = evaluate(state({ income: 'abc', days: '0', hours: '-8', currency: 'XYZ' }));
    expect(Object.keys(ev.errors).sort()).toEqual(['currency', 'days', 'hours', 'income']);
    expect(ev.worth).toBeNull();
    expect(ev.totals).toBeNull();
    expect(ev.tasks.every((t) => t === null)).toBe(true);
    expect(ev.currency).toBe('USD');
  });

  it('keeps the other rows when one task row is invalid, but not the totals', () => {
    const raw = state();
    raw.tasks[1] = { name: 'Bookkeeping', hours: 'three', price: '-35' };
    const ev = evaluate(raw);
    expect(Object.keys(ev.errors).sort()).toEqual([taskKey(1, 'hours'), taskKey(1, 'price')]);
    expect(ev.worth).toEqual({ daily: 600, hourly: 75 });
    expect(ev.tasks[0]?.handOff).toBe(true);
    expect(ev.tasks[1]).toBeNull();
    expect(ev.totals).toBeNull();
  });

  it('refuses tasks that add up to more than the hours you work in a week', () => {
    const raw = state({ tasks: [{ name: 'Inbox', hours: '30', price: '15' }, { name: 'Books', hours: '11', price: '35' }] });
    const ev = evaluate(raw);
    expect(ev.errors.week).toBe('Your tasks add up to 41 hours a week, more than the 40 hours you work in a week. Lower some of their hours.');
    expect(ev.totals).toBeNull();
    expect(ev.tasks.every((t) => t !== null)).toBe(true);
    expect(evaluate(state({ tasks: [{ name: 'Inbox', hours: '40', price: '15' }] })).errors).toEqual({});
  });

  it('names a nameless task by its place and rejects an over-long name', () => {
    const ev = evaluate(state({ tasks: [{ name: '  ', hours: '1', price: '10' }, { name: 'x'.repeat(81), hours: '1', price: '10' }] }));
    expect(ev.tasks[0]?.name).toBe('Task 1');
    expect(ev.errors[taskKey(1, 'name')]).toBe('Keep the name to 80 characters or fewer.');
  });

  it('counts at most the task limit', () => {
    const tasks = Array.from({ length: LIMITS.tasks + 3 }, () => ({ name: 'T', hours: '0.1', price: '1' }));
    const ev = evaluate(state({ tasks }));
    expect(ev.tasks).toHaveLength(LIMITS.tasks);
    expect(ev.errors.tasks).toBe(`Only the first ${LIMITS.tasks} tasks are counted.`);
  });
});

describe('URL state', () => {
  it('writes readable parameters', () => {
    expect(toSearchParams(EXAMPLE).toString()).toBe(
      'income=150000&days=250&hours=8&currency=USD&task=Inbox*5*15&task=Bookkeeping*3*35&task=Ad+campaign+upkeep*2*50&task=Cover+design+%28one-off%29*0.1*40',
    );
  });

  it('round-trips the example, a name holding "*", other currencies and an empty task list', () => {
    for (const raw of [
      EXAMPLE,
      state({ currency: 'INR', tasks: [{ name: 'A*B * C', hours: '2', price: '3.5' }] }),
      state({ income: '300000', currency: 'PHP', tasks: [] }),
    ]) {
      const back = fromSearchParams(new URLSearchParams(toSearchParams(raw).toString()));
      expect(back.errors).toEqual({});
      expect(back.found).toBe(true);
      expect(evaluate(back.raw)).toEqual(evaluate(raw));
      expect(back.raw.tasks.map((t) => t.name)).toEqual(raw.tasks.map((t) => t.name));
    }
  });

  it('keeps the example for parameters that are missing, and reports whether any was there', () => {
    expect(fromSearchParams(new URLSearchParams(''))).toEqual({ raw: EXAMPLE, errors: {}, found: false });
    const only = fromSearchParams(new URLSearchParams('income=300,000'));
    expect(only.found).toBe(true);
    expect(only.raw).toEqual({ ...EXAMPLE, income: '300,000' });
    expect(evaluate(only.raw).worth?.hourly).toBe(150);
  });

  it('turns a tampered address into field messages, never an exception', () => {
    const url = new URLSearchParams('income=-5&days=abc&hours=Infinity&currency=<script>&task=Inbox*x*NaN&task=Lonely&task=%E0%A4%A');
    const back = fromSearchParams(url);
    expect(back.errors.currency).toBe("The link's currency is not one offered here, so US dollars are shown.");
    expect(back.raw.currency).toBe('USD');
    expect(back.raw.tasks[1]).toEqual({ name: 'Lonely', hours: '', price: '' });
    const ev = evaluate(back.raw);
    expect(ev.errors.income).toBe('Income must be a positive amount.');
    expect(ev.errors.days).toMatch(/digits/);
    expect(ev.errors.hours).toMatch(/digits/);
    expect(ev.errors[taskKey(0, 'hours')]).toMatch(/digits/);
    expect(ev.errors[taskKey(1, 'hours')]).toMatch(/^Enter the hours a week/);
    expect(ev.errors[taskKey(1, 'price')]).toMatch(/^Enter what an hour/);
    for (const text of viewTexts(present(ev, back.raw))) expect(text).not.toMatch(BAD_TEXT);
  });

  it('drops tasks past the limit with a message, and clips huge values', () => {
    const url = new URLSearchParams();
    for (let i = 0; i < 50; i++) url.append('task', `T${i}*1*1`);
    url.set('income', '9'.repeat(10_000));
    const back = fromSearchParams(url);
    expect(back.raw.tasks).toHaveLength(LIMITS.tasks);
    expect(back.errors.tasks).toBe(`The link held 50 tasks; only the first ${LIMITS.tasks} are shown.`);
    expect(back.raw.income.length).toBeLessThanOrEqual(200);
    expect(evaluate(back.raw).errors.income).toBeTruthy();
  });

  it('reads currency codes in any case', () => {
    expect(fromSearchParams(new URLSearchParams('currency=eur')).raw.currency).toBe('EUR');
  });
});

describe('formatting', () => {
  it('writes money with Intl, cents only when there are some', () => {
    expect(formatMoney(600)).toBe('$600');
    expect(formatMoney(75)).toBe('$75');
    expect(formatMoney(150_000 / 250 / 7)).toBe('$85.71');
    expect(formatMoney(23_675.4, 'USD', false)).toBe('$23,675');
    expect(formatMoney(150_000, 'EUR')).toBe('€150,000');
    expect(formatMoney(150_000, 'GBP')).toBe('£150,000');
    expect(formatMoney(150_000, 'INR')).toBe('₹1,50,000');
    expect(formatMoney(75, 'PHP')).toBe('₱75');
    for (const c of CURRENCIES) expect(formatMoney(75, c)).toMatch(/75$/);
  });

  it('never prints NaN, Infinity, a negative amount or negative zero', () => {
    for (const n of [NaN, Infinity, -Infinity, -1, -0.001]) expect(formatMoney(n)).toBe(DASH);
    expect(formatMoney(-0)).toBe('$0');
    expect(formatHours(-0)).toBe('0');
    expect(formatHours(NaN)).toBe(DASH);
    expect(formatHours(5.000000000000001)).toBe('5');
  });
});

describe('wording', () => {
  it('says the example in words and numbers', () => {
    const v = present(evaluate(EXAMPLE), EXAMPLE);
    expect(v.daily).toBe('$600');
    expect(v.hourly).toBe('$75');
    expect(v.formulaDay).toBe('$150,000 ÷ 250 days = $600 a day');
    expect(v.formulaHour).toBe('$600 ÷ 8 hours = $75 an hour');
    expect([v.weeks, v.weekHours]).toEqual(['50', '40']);
    expect(v.summary).toBe('Your hour is worth $75 and your day $600. Handing off 4 of 4 tasks frees 505 hours a year and gains you $23,675 a year.');
    expect(v.tasks[0]).toEqual({
      legend: 'Task 1',
      name: 'Inbox',
      state: 'off',
      verdict: 'Hand it off',
      detail: '5 h a week × 50 weeks = 250 hours a year; 250 × ($75 − $15) = $15,000 a year gained.',
    });
    expect(v.tasks[3]?.detail).toBe('0.1 h a week × 50 weeks = 5 hours a year; 5 × ($75 − $40) = $175 a year gained.');
  });

  it('explains a task worth keeping', () => {
    const raw = state({ tasks: [{ name: 'Coach', hours: '1', price: '$90' }] });
    const [task] = present(evaluate(raw), raw).tasks;
    expect(task?.state).toBe('keep');
    expect(task?.detail).toBe('At $90 an hour it costs more than your hour ($75), so handing it off gains nothing.');
  });

  it('shows dashes, not figures, while the form is invalid', () => {
    const raw = state({ days: '0' });
    const v = present(evaluate(raw), raw);
    expect([v.daily, v.hourly, v.formulaDay, v.hoursFreed, v.valueGained, v.tasks[0]?.verdict]).toEqual([DASH, DASH, DASH, DASH, DASH, DASH]);
    expect(v.summary).toBe('Fix the marked fields to see your figures.');
  });
});

// ---------------------------------------------------------------------------------------
// Properties

const validInputs: fc.Arbitrary<Inputs> = fc
  .record({
    income: fc.double({ min: 0, max: LIMITS.income, noNaN: true, minExcluded: true }),
    days: fc.integer({ min: 1, max: 366 }),
    hoursPerDay: fc.double({ min: 0.5, max: 24, noNaN: true }),
    tasks: fc.array(
      fc.record({
        name: fc.string({ maxLength: 20 }),
        hoursPerWeek: fc.double({ min: 0, max: LIMITS.taskHours, noNaN: true }),
        pricePerHour: fc.double({ min: 0, max: LIMITS.price, noNaN: true }),
      }),
      { maxLength: LIMITS.tasks },
    ),
  })
  .map((input) => {
    // Scale the tasks down to fit the working week, as validation demands.
    const week = assumptionsFor(input.days, input.hoursPerDay).hoursPerWeek;
    const sum = input.tasks.reduce((n, t) => n + t.hoursPerWeek, 0);
    const k = sum > week ? (week / sum) * 0.999 : 1;
    return { ...input, tasks: input.tasks.map((t) => ({ ...t, hoursPerWeek: t.hoursPerWeek * k })) };
  });

/** Valid input as text, as a reader would type it (cents at most). */
const cents = (min: number, max: number) => fc.integer({ min: Math.round(min * 100), max: Math.round(max * 100) }).map((n) => (n / 100).toLocaleString('en-US', { maximumFractionDigits: 2 }));
const validRaw: fc.Arbitrary<RawState> = fc.record({
  income: cents(0.01, LIMITS.income),
  days: fc.integer({ min: 1, max: 366 }).map(String),
  hours: cents(0.5, 24),
  currency: fc.constantFrom(...CURRENCIES),
  // At most 20 tasks of 0.1 hours: 2 hours a week, which fits the smallest working week (2.5 hours).
  tasks: fc.array(fc.record({ name: fc.string({ maxLength: 30 }), hours: cents(0, 0.1), price: cents(0, LIMITS.price) }), { maxLength: LIMITS.tasks }),
});

describe('properties', () => {
  it('gives finite, non-negative figures for any valid input', () => {
    fc.assert(
      fc.property(validInputs, (input) => {
        const r = calculate(input);
        const numbers = [
          ...Object.values(r.worth),
          ...Object.values(r.assumptions),
          ...Object.values(r.totals),
          ...r.tasks.flatMap((t) => [t.hoursPerWeek, t.pricePerHour, t.hoursPerYear, t.hoursFreed, t.yearlyCost, t.valueGained]),
        ];
        for (const n of numbers) {
          expect(Number.isFinite(n)).toBe(true);
          expect(n).toBeGreaterThanOrEqual(0);
          expect(Object.is(n, -0)).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it('accepts any valid typed input without a message, and shows it without NaN, Infinity or negatives', () => {
    fc.assert(
      fc.property(validRaw, (raw) => {
        const ev = evaluate(raw);
        expect(ev.errors).toEqual({});
        expect(ev.totals).not.toBeNull();
        for (const text of viewTexts(present(ev, raw))) expect(text).not.toMatch(BAD_TEXT);
      }),
      RUNS,
    );
  });

  it('never lowers the hourly worth when income rises', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: LIMITS.income, noNaN: true, minExcluded: true }),
        fc.double({ min: 0, max: LIMITS.income, noNaN: true, minExcluded: true }),
        fc.integer({ min: 1, max: 366 }),
        fc.double({ min: 0.5, max: 24, noNaN: true }),
        (a, b, days, hours) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          expect(worthOf(high, days, hours).hourly).toBeGreaterThanOrEqual(worthOf(low, days, hours).hourly);
          expect(worthOf(high, days, hours).daily).toBeGreaterThanOrEqual(worthOf(low, days, hours).daily);
        },
      ),
      RUNS,
    );
  });

  it('always marks a task priced below the hourly worth to hand off, and only such a task', () => {
    fc.assert(
      fc.property(validInputs, fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), (input, share) => {
        const hourly = worthOf(input.income, input.days, input.hoursPerDay).hourly;
        const cheap = { name: 'cheap', hoursPerWeek: 0, pricePerHour: hourly * share };
        fc.pre(cheap.pricePerHour < hourly);
        const r = calculate({ ...input, tasks: [...input.tasks, cheap] });
        expect(r.tasks.at(-1)?.handOff).toBe(true);
        for (const t of r.tasks) expect(t.handOff).toBe(t.pricePerHour < r.worth.hourly);
      }),
      RUNS,
    );
  });

  it('never throws on any text, and never shows NaN, Infinity or a negative amount', () => {
    const text = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('NaN', 'Infinity', '-1', '-0', '1e400', '', '$', '1,5', '0.0000001'));
    const anyRaw = fc.record({
      income: text,
      days: text,
      hours: text,
      currency: fc.oneof(fc.constantFrom(...CURRENCIES), fc.string({ maxLength: 4 })),
      tasks: fc.array(fc.record({ name: fc.constantFrom('Inbox', ''), hours: text, price: text }), { maxLength: 5 }),
    });
    fc.assert(
      fc.property(anyRaw, (raw) => {
        const ev = evaluate(raw);
        for (const t of viewTexts(present(ev, raw))) expect(t).not.toMatch(BAD_TEXT);
      }),
      RUNS,
    );
  });

  it('restores the same evaluation from its URL', () => {
    const noStar = fc.string({ maxLength: 10 }).filter((s) => !s.includes('*'));
    const field = fc.oneof(cents(0, 1000), noStar);
    const raw = fc.record({
      income: field,
      days: field,
      hours: field,
      currency: fc.constantFrom(...CURRENCIES),
      tasks: fc.array(fc.record({ name: fc.string({ maxLength: 12 }), hours: field, price: field }), { maxLength: 6 }),
    });
    fc.assert(
      fc.property(raw, (r) => {
        const back = fromSearchParams(new URLSearchParams(toSearchParams(r).toString()));
        expect(back.errors).toEqual({});
        expect(evaluate(back.raw)).toEqual(evaluate(r));
      }),
      RUNS,
    );
  });

  it('never throws on any query string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (query) => {
        const back = fromSearchParams(new URLSearchParams(query));
        const ev = evaluate(back.raw);
        expect(typeof present(ev, back.raw).summary).toBe('string');
      }),
      RUNS,
    );
  });
});

describe('URL state round-trips exactly', () => {
  it('writes tiny and huge numbers as plain digits that read back', () => {
    expect(plainDecimal(1e-7)).toBe('0.0000001');
    expect(plainDecimal(1.5e-7)).toBe('0.00000015');
    expect(plainDecimal(1e21)).toBe('1000000000000000000000');
    expect(plainDecimal(1.25e21)).toBe('1250000000000000000000');
    expect(plainDecimal(0.1)).toBe('0.1');
    const params = toSearchParams(state({ tasks: [{ name: 'Tiny', hours: '0.0000001', price: '0.00000025' }] }));
    expect(params.getAll('task')).toEqual(['Tiny*0.0000001*0.00000025']);
    const back = fromSearchParams(new URLSearchParams(params.toString()));
    expect(evaluate(back.raw).errors).toEqual({});
    expect(evaluate(back.raw).tasks[0]?.hoursPerWeek).toBe(1e-7);
  });

  it('reads every finite double back from its plain digits', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: 0 }), (value) => {
        expect(Number(plainDecimal(value))).toBe(value);
        expect(plainDecimal(value)).not.toMatch(/e/i);
      }),
      RUNS,
    );
  });

  // Number text as people type it (at most the 40 characters a field accepts), valid or not.
  const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: n });
  const numberText = fc.oneof(
    fc.tuple(digits(18), fc.option(digits(18))).map(([w, f]) => (f === null ? w : `${w}.${f}`)),
    fc.tuple(fc.integer({ min: 0, max: 30 }), digits(8)).map(([zeros, d]) => `0.${'0'.repeat(zeros)}${d}`),
    fc.double({ noNaN: true, min: 0, max: 2e9 }).map((v) => v.toLocaleString('en-US', { maximumFractionDigits: 12 })),
    fc.constantFrom('', 'abc', '1,2', '-5', '$40', '€12.50', '1e-7', '12 000'),
  );
  const anyRaw: fc.Arbitrary<RawState> = fc.record({
    income: numberText,
    days: numberText,
    hours: numberText,
    currency: fc.constantFrom(...CURRENCIES),
    tasks: fc.array(fc.record({ name: fc.string({ maxLength: LIMITS.name }), hours: numberText, price: numberText }), {
      maxLength: LIMITS.tasks,
    }),
  });

  it('gives the same figures and the same messages after a trip through the address', () => {
    fc.assert(
      fc.property(anyRaw, (raw) => {
        const url = toSearchParams(raw).toString();
        const back = fromSearchParams(new URLSearchParams(url));
        expect(back.errors).toEqual({});
        expect(evaluate(back.raw)).toEqual(evaluate(raw));
        // And a second trip changes nothing more.
        expect(toSearchParams(back.raw).toString()).toBe(url);
      }),
      RUNS,
    );
  });
});

describe('a week holds what a week can hold', () => {
  it('never counts more than seven days or 168 hours in a working week', () => {
    fc.assert(
      fc.property(fc.integer({ min: LIMITS.days[0], max: LIMITS.days[1] }), fc.double({ min: 0.5, max: 24, noNaN: true }), (days, hours) => {
        const a = assumptionsFor(days, hours);
        expect(a.daysPerWeek).toBeLessThanOrEqual(7);
        expect(a.hoursPerWeek).toBeLessThanOrEqual(168);
      }),
      RUNS,
    );
  });

  it('says 168 hours a week, not 168.92, for 365 days of 24 hours', () => {
    const ev = evaluate(state({ days: '365', hours: '24', tasks: [{ name: 'All of it', hours: '169', price: '1' }] }));
    expect(ev.assumptions?.hoursPerWeek).toBe(168);
    expect(ev.errors[taskKey(0, 'hours')]).toMatch(/from 0 to 168/);
    const full = evaluate(state({ days: '366', hours: '24', tasks: [{ name: 'All week', hours: '168', price: '1' }] }));
    expect(full.errors).toEqual({});
    const over = evaluate(state({ days: '365', hours: '24', tasks: [{ name: 'A', hours: '100', price: '1' }, { name: 'B', hours: '68.5', price: '1' }] }));
    expect(over.errors.week).toContain('the 168 hours you work in a week');
  });
});
