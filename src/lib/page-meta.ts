/** The line under a page's title: "Updated 22 Nov 2026 · 3 min read". */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "22 Nov 2026", in UTC (content dates are calendar days). */
export function displayDate(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** "2026-11-22", for <time datetime>. */
export const isoDate = (date: Date): string => date.toISOString().slice(0, 10);

const WORDS_PER_MINUTE = 220;

/** Minutes to read a Markdown/MDX body (at least 1), counting words of prose, not syntax. */
export function readingMinutes(markdown: string): number {
  const text = markdown
    .replace(/^\s*(import|export)\s.*$/gm, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/[#*_`>|[\]-]/g, ' ');
  const words = text.split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/** Neighbours of an item in a list (A-Z order for terms): undefined at either end. */
export function neighbours<T>(items: readonly T[], index: number): { previous?: T; next?: T } {
  return { previous: index > 0 ? items[index - 1] : undefined, next: index >= 0 && index < items.length - 1 ? items[index + 1] : undefined };
}
