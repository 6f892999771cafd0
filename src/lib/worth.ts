/**
 * The worth calculator: what a day and an hour of your time are worth, and which tasks cost
 * less to buy than to do yourself.
 *
 *   yearly income / working days = your day;  your day / hours a day = your hour.
 *
 * A task priced below your hour is worth handing off; each hour handed off gains you the
 * difference. Everything here is pure: the calculator component renders its first view on the
 * server from these functions and the browser script reuses them for every later figure, so
 * the arithmetic and the wording exist once.
 *
 * Nothing here throws on user input: text from inputs or from the address bar is parsed into
 * numbers or into one message per field.
 */

export const CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'INR', 'PHP'] as const;
export type Currency = (typeof CURRENCIES)[number];
export const CURRENCY_NAMES: Record<Currency, string> = {
  USD: 'US dollar',
  EUR: 'euro',
  GBP: 'pound sterling',
  CAD: 'Canadian dollar',
  AUD: 'Australian dollar',
  INR: 'Indian rupee',
  PHP: 'Philippine peso',
};
export const DEFAULT_CURRENCY: Currency = 'USD';

export const LIMITS = {
  /** Largest yearly income accepted. */
  income: 1_000_000_000,
  days: [1, 366],
  hours: [0.5, 24],
  /** A task cannot take more than a whole week. */
  taskHours: 168,
  /** Largest price an hour accepted for a task. */
  price: 1_000_000,
  name: 80,
  tasks: 20,
  /** Longest text accepted for a number. */
  numberText: 40,
} as const;

/** A working week is taken as five days, and a year holds at most 52 working weeks. */
export const DAYS_PER_WEEK = 5;
export const WEEKS_PER_YEAR = 52;

export interface Task {
  name: string;
  /** Hours a week the task takes you; one-off jobs are spread over the year. */
  hoursPerWeek: number;
  /** What it costs an hour to hand it off. */
  pricePerHour: number;
}

export interface Inputs {
  income: number;
  days: number;
  hoursPerDay: number;
  tasks: Task[];
}

export interface Worth {
  daily: number;
  hourly: number;
}

export interface Assumptions {
  daysPerWeek: number;
  weeksPerYear: number;
  /** The hours you work in a week: the ceiling for the tasks' hours a week. */
  hoursPerWeek: number;
}

export interface TaskResult extends Task {
  /** True when the task's price is below your hourly worth. */
  handOff: boolean;
  /** Hours a year the task takes. */
  hoursPerYear: number;
  /** Hours a year you get back by handing it off (0 when you keep it). */
  hoursFreed: number;
  /** What handing it off costs a year (0 when you keep it). */
  yearlyCost: number;
  /** hoursFreed x (your hour - its price). */
  valueGained: number;
}

export interface Totals {
  handedOff: number;
  hoursPerWeek: number;
  hoursFreed: number;
  yearlyCost: number;
  valueGained: number;
}

export interface Calculation {
  worth: Worth;
  assumptions: Assumptions;
  tasks: TaskResult[];
  totals: Totals;
}

/** Daily and hourly worth from yearly income, working days a year and hours a day. */
export function worthOf(income: number, days: number, hoursPerDay: number): Worth {
  const daily = income / days;
  return { daily, hourly: daily / hoursPerDay };
}

/** A week holds seven days, whatever the yearly count of working days says. */
export const MAX_DAYS_PER_WEEK = 7;

/**
 * Weeks a year from working days: days / 5, but never more than the 52 weeks a year has; and
 * days a week from those, but never more than the seven a week holds (365 working days are
 * seven days a week, not 7.02), so the hours you work in a week never pass 7 x 24 = 168.
 */
export function assumptionsFor(days: number, hoursPerDay: number): Assumptions {
  const weeksPerYear = Math.min(days / DAYS_PER_WEEK, WEEKS_PER_YEAR);
  const daysPerWeek = Math.min(days / weeksPerYear, MAX_DAYS_PER_WEEK);
  return { daysPerWeek, weeksPerYear, hoursPerWeek: daysPerWeek * hoursPerDay };
}

export function assessTask(task: Task, hourly: number, weeksPerYear: number): TaskResult {
  const handOff = task.pricePerHour < hourly;
  const hoursPerYear = task.hoursPerWeek * weeksPerYear;
  const hoursFreed = handOff ? hoursPerYear : 0;
  return {
    ...task,
    handOff,
    hoursPerYear,
    hoursFreed,
    yearlyCost: hoursFreed * task.pricePerHour,
    // Only a task handed off gains anything (and 0 x a negative gap would be -0).
    valueGained: handOff ? hoursFreed * (hourly - task.pricePerHour) : 0,
  };
}

/** The whole calculation for valid inputs (see `evaluate` for text from a form or a URL). */
export function calculate(inputs: Inputs): Calculation {
  const worth = worthOf(inputs.income, inputs.days, inputs.hoursPerDay);
  const assumptions = assumptionsFor(inputs.days, inputs.hoursPerDay);
  const tasks = inputs.tasks.map((t) => assessTask(t, worth.hourly, assumptions.weeksPerYear));
  return { worth, assumptions, tasks, totals: totalsOf(tasks) };
}

export function totalsOf(tasks: TaskResult[]): Totals {
  const totals: Totals = { handedOff: 0, hoursPerWeek: 0, hoursFreed: 0, yearlyCost: 0, valueGained: 0 };
  for (const t of tasks) {
    if (t.handOff) totals.handedOff++;
    totals.hoursPerWeek += t.hoursPerWeek;
    totals.hoursFreed += t.hoursFreed;
    totals.yearlyCost += t.yearlyCost;
    totals.valueGained += t.valueGained;
  }
  return totals;
}

// ---------------------------------------------------------------------------------------
// Formatting

export const DASH = '–';
const formats: Record<string, Intl.NumberFormat> = {};
function numberFormat(digits: number, currency?: Currency): Intl.NumberFormat {
  return (formats[`${currency}${digits}`] ??= new Intl.NumberFormat(currency === 'INR' ? 'en-IN' : 'en-US', {
    style: currency && 'currency',
    currency,
    minimumFractionDigits: currency ? digits : 0,
    maximumFractionDigits: digits,
  }));
}

/** A figure that can be shown: finite and not negative (negative zero becomes zero). */
const showable = (n: number | undefined): n is number => Number.isFinite(n) && n! >= 0;

/**
 * An amount of money, or a dash when there is no sensible amount (none, NaN, Infinity, negative).
 * With `cents`, fractions of a unit show two decimals ($85.71) and whole amounts none ($75).
 */
export function formatMoney(amount: number | undefined, currency: Currency = DEFAULT_CURRENCY, cents = true): string {
  if (!showable(amount)) return DASH;
  const rounded = Math.round(amount * 100) / 100;
  const digits = cents && !Number.isInteger(rounded) ? 2 : 0;
  return numberFormat(digits, currency).format(amount + 0);
}

/** A count of hours, with up to two decimals; a dash when there is none or it cannot be shown. */
export function formatHours(hours: number | undefined): string {
  return showable(hours) ? numberFormat(2).format(hours + 0) : DASH;
}

// ---------------------------------------------------------------------------------------
// Parsing and validation

export type ParsedNumber =
  | { ok: true; value: number }
  | { ok: false; problem: 'empty' | 'letters' | 'format' | 'negative' };

const CODES = CURRENCIES.join('|');
const CURRENCY_PREFIX = new RegExp(`^(?:${CODES}|US\\$|CA?\\$|AU?\\$|Rs\\.?|[$€£₹₱])\\s*`, 'i');
const CURRENCY_SUFFIX = new RegExp(`\\s*(?:${CODES}|[$€£₹₱])$`, 'i');
// Digits, grouped by commas in threes (150,000) or the Indian way (1,50,000), with decimals after a point.
const NUMBER_TEXT = /^(?:\d+|\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})*,\d{3})(?:\.\d+)?$|^\.\d+$/;

/**
 * Reads a number as people type it: "150000", "150,000", "$150,000", "150 000", "1,50,000",
 * "12.50", "€40", "40 EUR". Rejects letters (so NaN and Infinity), a comma used as a decimal
 * point, negatives and empty text.
 */
export function parseNumber(text: string): ParsedNumber {
  let s = String(text).trim();
  if (s === '') return { ok: false, problem: 'empty' };
  if (s.length > LIMITS.numberText) return { ok: false, problem: 'format' };
  let negative = false;
  const sign = () => {
    const m = /^([-−–+])\s*/.exec(s);
    if (m) {
      negative ||= m[1] !== '+';
      s = s.slice(m[0].length);
    }
  };
  sign();
  s = s.replace(CURRENCY_PREFIX, '');
  sign();
  s = s.replace(CURRENCY_SUFFIX, '').replace(/[\s\u00a0\u202f]+/g, ',');
  if (!NUMBER_TEXT.test(s)) return { ok: false, problem: /\p{L}/u.test(s) ? 'letters' : 'format' };
  const value = Number(s.replace(/,/g, ''));
  if (!Number.isFinite(value)) return { ok: false, problem: 'format' };
  if (negative && value > 0) return { ok: false, problem: 'negative' };
  return { ok: true, value: value + 0 };
}

interface FieldRule {
  /** What to type, said when the field is empty. */
  empty: string;
  /** The smallest value allowed; 0 when omitted. */
  min?: number;
  max: number;
  whole?: boolean;
  range: string;
}

const RULES = {
  income: {
    empty: 'Enter your yearly income, for example 150,000.',
    // Above zero: parsed numbers are never negative, so the smallest positive double is the same rule.
    min: Number.MIN_VALUE,
    max: LIMITS.income,
    range: `Enter an income above zero and up to ${formatHours(LIMITS.income)}.`,
  },
  days: {
    empty: 'Enter the days you work in a year, from 1 to 366.',
    min: LIMITS.days[0],
    max: LIMITS.days[1],
    whole: true,
    range: 'Working days must be a whole number from 1 to 366.',
  },
  hours: {
    empty: 'Enter the hours in your working day, from 0.5 to 24.',
    min: LIMITS.hours[0],
    max: LIMITS.hours[1],
    range: 'Hours a day must be from 0.5 to 24.',
  },
  taskHours: {
    empty: 'Enter the hours a week this task takes (0.1 for a one-off).',
    max: LIMITS.taskHours,
    range: `Hours a week must be from 0 to ${LIMITS.taskHours}, the hours in a week.`,
  },
  price: {
    empty: 'Enter what an hour of this task costs to hand off.',
    max: LIMITS.price,
    range: `Enter a price from 0 to ${formatHours(LIMITS.price)} an hour.`,
  },
} satisfies Record<string, FieldRule>;
export type NumberField = keyof typeof RULES;

export type FieldResult = { ok: true; value: number } | { ok: false; message: string };

/** Parses and checks one number field; the message says what is wrong and what to type. */
export function validateField(field: NumberField, text: string): FieldResult {
  const rule: FieldRule = RULES[field];
  const parsed = parseNumber(text);
  if (!parsed.ok) {
    const message = {
      empty: rule.empty,
      letters: 'Use digits only, for example 150,000 or 12.50.',
      format: 'Use digits, commas between thousands and a point for decimals: 1,250.50.',
      negative: field === 'income' ? 'Income must be a positive amount.' : 'This cannot be negative.',
    }[parsed.problem];
    return { ok: false, message };
  }
  const v = parsed.value;
  if (!(v >= (rule.min ?? 0) && v <= rule.max) || (rule.whole && !Number.isInteger(v))) return { ok: false, message: rule.range };
  return { ok: true, value: v };
}

export function isCurrency(code: string): code is Currency {
  return (CURRENCIES as readonly string[]).includes(code);
}

// ---------------------------------------------------------------------------------------
// The state as text (what inputs and URLs hold) and its evaluation

export interface RawTask {
  name: string;
  hours: string;
  price: string;
}

export interface RawState {
  income: string;
  days: string;
  hours: string;
  currency: string;
  tasks: RawTask[];
}

/** The sources' worked example, with a few typical tasks. */
export const EXAMPLE: RawState = {
  income: '150,000',
  days: '250',
  hours: '8',
  currency: DEFAULT_CURRENCY,
  tasks: [
    { name: 'Inbox', hours: '5', price: '15' },
    { name: 'Bookkeeping', hours: '3', price: '35' },
    { name: 'Ad campaign upkeep', hours: '2', price: '50' },
    { name: 'Cover design (one-off)', hours: '0.1', price: '40' },
  ],
};

export const cloneState = (s: RawState): RawState => ({ ...s, tasks: s.tasks.map((t) => ({ ...t })) });

/** Keys of the field messages: income, days, hours, currency, tasks, week, task.<i>.name|hours|price. */
export type Errors = Record<string, string>;

export interface Evaluation {
  currency: Currency;
  errors: Errors;
  /** Income, days and hours as numbers; null while any of them is invalid. */
  input: Omit<Inputs, 'tasks'> | null;
  /** Null while income, days or hours is invalid. */
  worth: Worth | null;
  assumptions: Assumptions | null;
  /** One per task row; null for a row with an invalid field, or while worth is null. */
  tasks: (TaskResult | null)[];
  /** Null unless every row is valid and the tasks fit in your working week. */
  totals: Totals | null;
}

export const taskKey = (i: number, field: keyof RawTask) => `task.${i}.${field}`;

/** Validates text as typed or read from a URL and computes every figure it can. */
export function evaluate(raw: RawState): Evaluation {
  const errors: Errors = {};
  const num = (key: string, field: NumberField, text: string): number | null => {
    const r = validateField(field, text);
    if (r.ok) return r.value;
    errors[key] = r.message;
    return null;
  };
  const currency = isCurrency(raw.currency) ? raw.currency : DEFAULT_CURRENCY;
  if (currency !== raw.currency) errors.currency = 'Choose one of the listed currencies.';
  const [income, days, hoursPerDay] = (['income', 'days', 'hours'] as const).map((key) => num(key, key, raw[key]));

  const rows = raw.tasks.slice(0, LIMITS.tasks).map((t, i): Task | null => {
    const hoursPerWeek = num(taskKey(i, 'hours'), 'taskHours', t.hours);
    const pricePerHour = num(taskKey(i, 'price'), 'price', t.price);
    const name = t.name.trim();
    if (name.length > LIMITS.name) errors[taskKey(i, 'name')] = `Keep the name to ${LIMITS.name} characters or fewer.`;
    if (hoursPerWeek === null || pricePerHour === null || name.length > LIMITS.name) return null;
    return { name: name || `Task ${i + 1}`, hoursPerWeek, pricePerHour };
  });
  if (raw.tasks.length > LIMITS.tasks) errors.tasks = `Only the first ${LIMITS.tasks} tasks are counted.`;

  if (income == null || days == null || hoursPerDay == null) {
    return { currency, errors, input: null, worth: null, assumptions: null, tasks: rows.map(() => null), totals: null };
  }
  const worth = worthOf(income, days, hoursPerDay);
  const assumptions = assumptionsFor(days, hoursPerDay);
  const tasks = rows.map((t) => (t ? assessTask(t, worth.hourly, assumptions.weeksPerYear) : null));
  let totals: Totals | null = null;
  if (tasks.every((t) => t !== null)) {
    totals = totalsOf(tasks as TaskResult[]);
    if (totals.hoursPerWeek > assumptions.hoursPerWeek + 1e-9) {
      errors.week =
        `Your tasks add up to ${formatHours(totals.hoursPerWeek)} hours a week, more than the ` +
        `${formatHours(assumptions.hoursPerWeek)} hours you work in a week. Lower some of their hours.`;
      totals = null;
    }
  }
  return { currency, errors, input: { income, days, hoursPerDay }, worth, assumptions, tasks, totals };
}

// ---------------------------------------------------------------------------------------
// URL state

const MAX_URL_TEXT = 200;
const clip = (s: string) => s.slice(0, MAX_URL_TEXT);

/**
 * A number as plain decimal digits, never in exponent form: 1e-7 becomes "0.0000001" and
 * 1e+21 "1000000000000000000000", which `parseNumber` reads back to the same number. The digits
 * are those of JavaScript's shortest round-trip form, with the decimal point moved.
 */
export function plainDecimal(value: number): string {
  const [mantissa = '', exp] = String(value).split('e');
  if (!exp) return mantissa;
  const sign = value < 0 ? '-' : '';
  const [whole = '', fraction = ''] = mantissa.slice(sign.length).split('.');
  // Pad both sides with as many zeros as the point moves, move it, then trim the padding.
  const zeros = '0'.repeat(Math.abs(+exp));
  const digits = zeros + whole + fraction + zeros;
  const point = zeros.length + whole.length + +exp;
  return sign + `${digits.slice(0, point)}.${digits.slice(point)}`.replace(/^0+(?=\d)|\.?0*$/g, '');
}

/** A number as text: canonical digits when it parses, else the text as typed. */
function canonicalNumber(text: string): string {
  const p = parseNumber(text);
  return p.ok ? plainDecimal(p.value) : text;
}

/**
 * The state as URL parameters: income, days, hours, currency and one `task` per task as
 * name*hours*price (the name may itself hold "*": the last two fields are split off). An
 * empty task list is written as a single empty `task`, so that it is not read as "no tasks
 * given" (which means the example's tasks).
 */
export function toSearchParams(raw: RawState): URLSearchParams {
  const p = new URLSearchParams();
  for (const key of ['income', 'days', 'hours'] as const) p.set(key, canonicalNumber(raw[key]));
  p.set('currency', raw.currency);
  if (raw.tasks.length === 0) p.append('task', '');
  for (const t of raw.tasks) p.append('task', [t.name.trim(), canonicalNumber(t.hours), canonicalNumber(t.price)].join('*'));
  return p;
}

export interface UrlState {
  raw: RawState;
  /** Problems the inputs cannot show by themselves (an unknown currency, too many tasks). */
  errors: Errors;
  /** Whether the URL held any calculator parameter at all. */
  found: boolean;
}

/**
 * Reads the state from URL parameters. Missing parameters take the example's values; values
 * are kept as text so that they are validated exactly like typed ones (see `evaluate`).
 * Never throws.
 */
export function fromSearchParams(params: URLSearchParams): UrlState {
  const raw = cloneState(EXAMPLE);
  const errors: Errors = {};
  let found = false;
  for (const key of ['income', 'days', 'hours'] as const) {
    const v = params.get(key);
    if (v !== null) {
      raw[key] = clip(v);
      found = true;
    }
  }
  const currency = params.get('currency');
  if (currency !== null) {
    found = true;
    const code = currency.trim().toUpperCase();
    if (isCurrency(code)) raw.currency = code;
    else errors.currency = `The link's currency is not one offered here, so US dollars are shown.`;
  }
  if (params.has('task')) {
    found = true;
    const entries = params.getAll('task').filter((v) => v !== '');
    if (entries.length > LIMITS.tasks) errors.tasks = `The link held ${entries.length} tasks; only the first ${LIMITS.tasks} are shown.`;
    raw.tasks = entries.slice(0, LIMITS.tasks).map((entry) => {
      const parts = clip(entry).split('*');
      const price = parts.length >= 3 ? (parts.pop() as string) : '';
      const hours = parts.length >= 2 ? (parts.pop() as string) : '';
      return { name: parts.join('*'), hours, price };
    });
  }
  return { raw, errors, found };
}

// ---------------------------------------------------------------------------------------
// Wording: every text the calculator shows, for the server's first view and the browser's
// later ones alike.

export interface TaskView {
  /** The row's heading, "Task 1". */
  legend: string;
  /** The task's name for its remove button. */
  name: string;
  /** 'off' (hand it off), 'keep', or '' while it cannot be worked out. */
  state: 'off' | 'keep' | '';
  verdict: string;
  detail: string;
}

export interface View {
  currency: Currency;
  daily: string;
  hourly: string;
  summary: string;
  /** "$150,000 ÷ 250 days = $600 a day" */
  formulaDay: string;
  /** "$600 ÷ 8 hours = $75 an hour" */
  formulaHour: string;
  /** Working weeks a year, and the hours in one. */
  weeks: string;
  weekHours: string;
  hoursFreed: string;
  yearlyCost: string;
  valueGained: string;
  weekShare: string;
  tasks: TaskView[];
}

const FIX = 'Fix the marked fields to see';

export function present(ev: Evaluation, raw: RawState): View {
  const { currency: c, worth: w, input, assumptions: a, totals: t } = ev;
  const money = (n: number | undefined, cents = true) => formatMoney(n, c, cents);
  const h = formatHours;
  const tasks = ev.tasks.map((r, i): TaskView => {
    const name = raw.tasks[i]?.name.trim() || `Task ${i + 1}`;
    const base = { legend: `Task ${i + 1}`, name };
    if (!r || !w || !a) {
      return { ...base, state: '', verdict: DASH, detail: `${FIX} this task's figures.` };
    }
    if (!r.handOff) {
      return {
        ...base,
        state: 'keep',
        verdict: 'Keep it',
        detail: `At ${money(r.pricePerHour)} an hour it costs ${r.pricePerHour === w.hourly ? 'as much as' : 'more than'} your hour (${money(w.hourly)}), so handing it off gains nothing.`,
      };
    }
    return {
      ...base,
      state: 'off',
      verdict: 'Hand it off',
      detail:
        `${h(r.hoursPerWeek)} h a week × ${h(a.weeksPerYear)} weeks = ${h(r.hoursPerYear)} hours a year; ` +
        `${h(r.hoursPerYear)} × (${money(w.hourly)} − ${money(r.pricePerHour)}) = ${money(r.valueGained, false)} a year gained.`,
    };
  });
  const count = ev.tasks.length;
  let summary: string;
  if (!w) summary = `${FIX} your figures.`;
  else {
    summary = `Your hour is worth ${money(w.hourly)} and your day ${money(w.daily)}.`;
    if (!t) summary += ` ${FIX} what handing off tasks gains.`;
    else if (count === 0) summary += ' Add a task to see whether to hand it off.';
    else
      summary += ` Handing off ${t.handedOff} of ${count} ${count === 1 ? 'task' : 'tasks'} frees ${h(t.hoursFreed)} hours a year and gains you ${money(t.valueGained, false)} a year.`;
  }
  return {
    currency: c,
    daily: money(w?.daily),
    hourly: money(w?.hourly),
    summary,
    formulaDay: w && input ? `${money(input.income)} ÷ ${h(input.days)} days = ${money(w.daily)} a day` : DASH,
    formulaHour: w && input ? `${money(w.daily)} ÷ ${h(input.hoursPerDay)} hours = ${money(w.hourly)} an hour` : DASH,
    weeks: h(a?.weeksPerYear),
    weekHours: h(a?.hoursPerWeek),
    hoursFreed: h(t?.hoursFreed),
    yearlyCost: money(t?.yearlyCost, false),
    valueGained: money(t?.valueGained, false),
    weekShare: t && a ? `${h(t.hoursPerWeek)} of your ${h(a.hoursPerWeek)}` : DASH,
    tasks,
  };
}
