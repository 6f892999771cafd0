// <worth-calculator>: makes the server-rendered calculator live. Every figure and sentence
// comes from lib/worth.ts, as on the server; this file only reads inputs and writes text.
import {
  EXAMPLE,
  LIMITS,
  evaluate,
  fromSearchParams,
  parseNumber,
  present,
  taskKey,
  toSearchParams,
  type Errors,
  type RawState,
  type RawTask,
  type TaskView,
  type View,
} from '../lib/worth.ts';

type Field = HTMLInputElement | HTMLSelectElement;
const TASK_FIELDS = ['name', 'hours', 'price'] as const;
/** The fields above the task rows. */
const FIELDS = ['income', 'days', 'hours', 'currency'] as const;

class WorthCalculator extends HTMLElement {
  /** Messages about the address that the inputs cannot show (unknown currency, too many tasks). */
  urlErrors: Errors = {};
  made = 0;

  connectedCallback() {
    if (this.dataset.live) return;
    this.dataset.live = '1';
    this.querySelector('[data-js-note]')?.remove();
    this.querySelectorAll<Field | HTMLButtonElement>('[disabled]').forEach((el) => (el.disabled = false));
    const fromUrl = fromSearchParams(new URLSearchParams(location.search));
    this.urlErrors = fromUrl.errors;
    this.fill(fromUrl.found ? fromUrl.raw : EXAMPLE);
    this.addEventListener('input', (e) => {
      const field = (e.target as HTMLElement).closest<HTMLElement>('[data-field],[data-row]');
      if (field) delete this.urlErrors[field.dataset.field ?? 'tasks'];
      this.update(true);
    });
    // On leaving the income field, a typed 300000 is shown as 300,000 (parseNumber reads both).
    this.addEventListener('change', (e) => {
      const f = e.target as Field;
      const n = parseNumber(f.value);
      if (f.dataset.field == 'income' && n.ok) f.value = n.value.toLocaleString('en-US');
    });
    this.addEventListener('click', (e) => {
      const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
      const action = button?.dataset.action;
      if (!action) return;
      if (action === 'reset') {
        this.urlErrors = {};
        this.fill(EXAMPLE);
        history.replaceState(history.state, '', location.pathname + location.hash);
        return;
      }
      delete this.urlErrors.tasks;
      if (action === 'add') {
        const row = this.addRow();
        this.update(true);
        row.querySelector('input')?.focus();
      } else if (action === 'remove') {
        button!.closest('[data-row]')?.remove();
        this.update(true);
        this.button('add').focus();
      }
    });
  }

  button(action: string) {
    return this.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`)!;
  }

  field(key: string) {
    return this.querySelector<Field>(`[data-field="${key}"]`)!;
  }

  rows() {
    return [...this.querySelectorAll<HTMLElement>('[data-row]')];
  }

  /** A new row at the end: empty, or holding `task`. */
  addRow(task?: RawTask) {
    // The template's ids start with "<id>-tX-"; each new row gets a number of its own instead.
    const list = this.querySelector<HTMLElement>('[data-rows]')!;
    list.insertAdjacentHTML('beforeend', this.querySelector('template[data-row-template]')!.innerHTML.split(`${this.id}-tX-`).join(`${this.id}-t${this.made++}-`));
    const row = list.lastElementChild as HTMLElement;
    if (task) for (const f of TASK_FIELDS) row.querySelector<HTMLInputElement>(`[data-f="${f}"]`)!.value = task[f];
    return row;
  }

  fill(raw: RawState) {
    for (const key of FIELDS) this.field(key).value = raw[key];
    this.rows().forEach((row) => row.remove());
    this.made = 0;
    raw.tasks.forEach((t) => this.addRow(t));
    this.update(false);
  }

  read(): RawState {
    const values = <K extends string>(keys: readonly K[], field: (key: K) => Field) => Object.fromEntries(keys.map((k) => [k, field(k).value])) as Record<K, string>;
    return {
      ...values(FIELDS, (key) => this.field(key)),
      tasks: this.rows().map((row) => values(TASK_FIELDS, (f) => row.querySelector<Field>(`[data-f="${f}"]`)!)),
    };
  }

  update(toUrl: boolean) {
    const raw = this.read();
    const ev = evaluate(raw);
    const view = present(ev, raw);
    const errors: Errors = { ...this.urlErrors, ...ev.errors };
    this.querySelectorAll<HTMLElement>('[data-out]').forEach((el) => {
      setText(el, String(view[el.dataset.out as keyof View]));
    });
    for (const key of [...FIELDS, 'week', 'tasks']) setText(this.querySelector<HTMLElement>(`[data-msg="${key}"]`)!, errors[key] ?? '');
    for (const key of FIELDS) mark(this.field(key), errors[key]);
    this.rows().forEach((row, i) => {
      const tv = view.tasks[i]!;
      row.dataset.state = tv.state;
      row.querySelectorAll<HTMLElement>('[data-o]').forEach((el) => setText(el, tv[el.dataset.o as keyof TaskView]));
      for (const f of TASK_FIELDS) {
        const message = errors[taskKey(i, f)];
        setText(row.querySelector<HTMLElement>(`[data-m="${f}"]`)!, message ?? '');
        mark(row.querySelector<Field>(`[data-f="${f}"]`)!, message ?? (f === 'hours' ? errors.week : undefined));
      }
    });
    this.button('add').disabled = raw.tasks.length >= LIMITS.tasks;
    this.querySelector<HTMLElement>('[data-if-worth]')!.hidden = !ev.worth;
    if (toUrl) history.replaceState(history.state, '', `?${toSearchParams(raw)}${location.hash}`);
  }
}

function setText(el: HTMLElement, text: string) {
  if (el.textContent !== text) el.textContent = text;
}

function mark(field: Field, message: string | undefined) {
  if (message) field.setAttribute('aria-invalid', 'true');
  else field.removeAttribute('aria-invalid');
}

if (!customElements.get('worth-calculator')) customElements.define('worth-calculator', WorthCalculator);
