/** The side-by-side view of two contrasting terms, from their comparison profiles. */
import type { TermProfile } from './content-schema.ts';

export interface ComparedTerm {
  slug: string;
  title: string;
  summary: string;
  profile: TermProfile;
}

export const COMPARISON_AXES: { key: Exclude<keyof TermProfile, 'choose'>; label: string }[] = [
  { key: 'who', label: 'Who does the work' },
  { key: 'where', label: 'Where it is done' },
  { key: 'duration', label: 'For how long' },
  { key: 'cost', label: 'Typical cost' },
];

export interface ComparisonView {
  title: string;
  description: string;
  rows: { label: string; values: [string, string] }[];
}

export function comparisonView(a: ComparedTerm, b: ComparedTerm): ComparisonView {
  return {
    title: `${a.title} vs ${b.title}`,
    description: `${a.title} or ${b.title}? How they differ in who does the work, where, for how long and at what cost, and when to choose which.`.slice(0, 160),
    rows: COMPARISON_AXES.map(({ key, label }) => ({ label, values: [a.profile[key], b.profile[key]] })),
  };
}
