/** The term pages that show the overlap diagram, and which cells stand for each term. */
export type OverlapTerm = 'outsourcing' | 'business-process-outsourcing' | 'homeshoring' | 'offshoring';

export const OVERLAP_TERMS: readonly string[] = ['outsourcing', 'business-process-outsourcing', 'homeshoring', 'offshoring'];

/** Whether the cell in `row` (0 office, 1 home, 2 abroad) and `col` (0 own staff, 1 third party) is the term's region. */
export function inRegion(term: string | undefined, row: number, col: number): boolean {
  switch (term) {
    case 'outsourcing':
    case 'business-process-outsourcing':
      return col === 1;
    case 'homeshoring':
      return row === 1;
    case 'offshoring':
      return row === 2;
    default:
      return false;
  }
}
