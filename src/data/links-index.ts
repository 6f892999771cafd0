/** The links index and popover cards from the content collections (see src/lib/links-index.ts). */
import { experimental_AstroContainer } from 'astro/container';
import { parse, type Node as HtmlNode, NodeType, type HTMLElement } from 'node-html-parser';
import PopoverCards from '../components/PopoverCards.astro';
import { buildLinksIndex, minifyCss, type CardNode, type LinksIndex } from '../lib/links-index.ts';
import { termCardData } from '../lib/term-card.ts';
import { allTerms, type TermEntry } from './collections.ts';
import popoverCss from '../styles/links-popover.css?raw';

let indexPromise: Promise<LinksIndex> | undefined;
export function linksIndex(): Promise<LinksIndex> {
  indexPromise ??= allTerms().then((terms) =>
    buildLinksIndex(terms.map((t) => ({ slug: t.id, topic: t.data.topic, names: [t.data.title, ...t.data.aliases] })), minifyCss(popoverCss)),
  );
  return indexPromise;
}

let containerPromise: Promise<experimental_AstroContainer> | undefined;

/** An HTML element as a CardNode: text kept as text, whitespace-only text between tags dropped. */
export function toCardNode(node: HtmlNode): CardNode | undefined {
  if (node.nodeType === NodeType.TEXT_NODE) {
    const text = node.text;
    return text.trim() ? text : undefined;
  }
  if (node.nodeType !== NodeType.ELEMENT_NODE) return undefined;
  const el = node as HTMLElement;
  const children = el.childNodes.map(toCardNode).filter((c): c is CardNode => c !== undefined);
  return [el.tagName.toLowerCase(), { ...el.attributes }, ...children];
}

/**
 * Terms' cards as TermCard renders them for the popover (src/components/PopoverCards.astro):
 * title, summary, takeaways (or the definition's opening when the term has none), and a link
 * back, site-relative (the script makes it absolute with its own origin) and opening in a new tab.
 * All cards are rendered in one call, then split: one card per term, in the order given.
 */
export async function linkCardTrees(terms: readonly TermEntry[]): Promise<CardNode[]> {
  containerPromise ??= experimental_AstroContainer.create();
  const container = await containerPromise;
  const html = await container.renderToString(PopoverCards, {
    props: { cards: terms.map((term) => ({ card: termCardData(term), takeaways: term.data.takeaways ?? [] })) },
  });
  const articles = parse(html).childNodes.filter((node): node is HTMLElement => node.nodeType === NodeType.ELEMENT_NODE);
  return terms.map((term, i) => {
    const article = articles[i];
    if (articles.length !== terms.length || article?.tagName !== 'ARTICLE' || article.getAttribute('data-term-card') !== term.id) {
      throw new Error(`TermCard rendered no <article> for ${term.id} (${articles.length} elements for ${terms.length} terms)`);
    }
    return toCardNode(article)!;
  });
}

/** One term's card for the popover (see linkCardTrees). */
export async function linkCardTree(term: TermEntry): Promise<CardNode> {
  return (await linkCardTrees([term]))[0]!;
}
