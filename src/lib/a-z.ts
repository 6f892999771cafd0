/** Groups items under their initial letter for the A-Z index, and cuts the A-Z into pages when it is long. */
import { pagePath, paginate, type ListPage } from './list-pages.ts';

export interface LetterGroup<T> {
  letter: string;
  items: T[];
}

export const ALPHABET = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
/** The heading of titles that start with a digit or a mark. */
export const OTHER = '#';

export function initialLetter(title: string): string {
  const first = title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().charAt(0).toUpperCase();
  return ALPHABET.includes(first) ? first : OTHER;
}

export function groupByLetter<T>(items: T[], titleOf: (item: T) => string): LetterGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const letter = initialLetter(titleOf(item));
    const list = groups.get(letter);
    if (list) list.push(item);
    else groups.set(letter, [item]);
  }
  const order = [...ALPHABET, OTHER];
  return [...groups.entries()]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([letter, list]) => ({
      letter,
      items: list.sort((a, b) => titleOf(a).localeCompare(titleOf(b), 'en', { sensitivity: 'base' })),
    }));
}

/** The URL segment of a letter's pages: "k" for K, "other" for "#" (titles that start with a digit or a mark). */
export function letterSegment(letter: string): string {
  if (letter === OTHER) return 'other';
  if (!ALPHABET.includes(letter)) throw new Error(`not a letter of the A-Z: "${letter}"`);
  return letter.toLowerCase();
}

/** The id of a letter's section on the one-page A-Z, and the letter in words for headings. */
export const letterAnchor = letterSegment;
export const letterName = (letter: string): string => (letter === OTHER ? 'a digit or symbol' : letter);
/** A letter page's name in breadcrumbs: wide enough to tap, unlike "O" or "#". */
export const letterCrumb = (letter: string): string => (letter === OTHER ? 'Digits and symbols' : `Letter ${letter}`);

/** One page of the split A-Z: part `number` of its letter's `of` pages. */
export interface LetterPage<T> extends ListPage<T> {
  letter: string;
  /** Site path: /glossary/k/ for the first page of K, /glossary/k/2/ for the second. */
  path: string;
}

/** Where the A-Z lives, and the first page of each letter below it. */
export const GLOSSARY_PATH = '/glossary/';
export const letterPath = (letter: string, n = 1): string => pagePath(`${GLOSSARY_PATH}${letterSegment(letter)}/`, n);

/**
 * The A-Z cut into pages: one page per initial letter (in the order of groupByLetter: A to Z,
 * then "#"), and a letter with more than `max` items cut into consecutive pages of near-equal
 * length, named by their guide words ("Kalo – Kamir"). The guide words of a letter's first
 * and last pages are told from nothing outside the letter.
 */
export function splitByLetter<T>(items: T[], titleOf: (item: T) => string, max: number): LetterPage<T>[] {
  return groupByLetter(items, titleOf).flatMap(({ letter, items: inLetter }) =>
    paginate(inLetter, titleOf, max).map((page) => ({ ...page, letter, path: letterPath(letter, page.number) })),
  );
}

/** Whether a list of this length is cut into pages, or shown whole on one. */
export const needsSplit = (count: number, max: number): boolean => count > max;
