/** Groups items under their initial letter for the A-Z index. */
export interface LetterGroup<T> {
  letter: string;
  items: T[];
}

export const ALPHABET = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const OTHER = '#';

export function initialLetter(title: string): string {
  const first = title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().charAt(0).toUpperCase();
  return ALPHABET.includes(first) ? first : OTHER;
}

export function groupByLetter<T>(items: T[], titleOf: (item: T) => string): LetterGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const letter = initialLetter(titleOf(item));
    groups.set(letter, [...(groups.get(letter) ?? []), item]);
  }
  const order = [...ALPHABET, OTHER];
  return [...groups.entries()]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([letter, list]) => ({
      letter,
      items: list.sort((a, b) => titleOf(a).localeCompare(titleOf(b), 'en', { sensitivity: 'base' })),
    }));
}
