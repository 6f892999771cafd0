/**
 * The data behind a term card. Every surface that shows a card (the term page, previews,
 * the embed view, oEmbed and the JSON API) takes its figures from here, and renders them
 * through the one TermCard component.
 */
export interface TermCardData {
  slug: string;
  title: string;
  summary: string;
  /** The first paragraph of the definition, as plain text. */
  definition: string;
  /** Site-relative URL of the term page. */
  path: string;
}

export const termPath = (slug: string): string => `/terms/${slug}/`;

const DEFINITION_MAX = 320;

/** Markdown inline syntax to plain text: links keep their text, emphasis and code lose their marks. */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(/<[^>]+>/g, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(\*|_)(.+?)\1/g, '$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The body's opening prose paragraphs (before the first heading), as plain text. */
export function definitionText(body: string): string {
  const lines = body.replace(/\r\n/g, '\n').split('\n');
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (/^\s*#/.test(line)) break;
    if (/^\s*(import|export)\s/.test(line) || /^\s*</.test(line)) continue;
    if (line.trim() === '') {
      if (current.length) paragraphs.push(current.join(' '));
      current = [];
    } else {
      current.push(line.trim());
    }
  }
  if (current.length) paragraphs.push(current.join(' '));
  return paragraphs.map(markdownToPlainText).filter(Boolean).join('\n\n');
}

/** Shortens text at a sentence (or, failing that, a word) boundary. */
export function shorten(text: string, max = DEFINITION_MAX): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const sentenceEnd = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('? '), cut.lastIndexOf('! '));
  if (sentenceEnd > max / 2) return cut.slice(0, sentenceEnd + 1);
  return `${cut.slice(0, cut.lastIndexOf(' ')).replace(/[,;:]$/, '')}…`;
}

export function termCardData(term: { id: string; body?: string; data: { title: string; summary: string } }): TermCardData {
  const firstParagraph = definitionText(term.body ?? '').split('\n\n')[0] ?? '';
  return {
    slug: term.id,
    title: term.data.title,
    summary: term.data.summary,
    definition: shorten(firstParagraph),
    path: termPath(term.id),
  };
}
