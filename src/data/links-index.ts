/** The links index and popover cards from the content collections (see src/lib/links-index.ts). */
import { experimental_AstroContainer } from 'astro/container';
import { parse, type Node as HtmlNode, NodeType, type HTMLElement } from 'node-html-parser';
import TermCard from '../components/TermCard.astro';
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

/** A term's card as TermCard renders it for the popover: title, summary, takeaways (or definition), a link back. */
export async function linkCardTree(term: TermEntry): Promise<CardNode> {
  containerPromise ??= experimental_AstroContainer.create();
  const container = await containerPromise;
  const html = await container.renderToString(TermCard, {
    props: {
      card: termCardData(term),
      titleAs: 'p',
      linkTitle: false,
      // The key points when the term has them, else the definition's opening.
      showDefinition: !term.data.takeaways?.length,
      takeaways: term.data.takeaways ?? [],
      // Site-relative: the script makes them absolute with its own origin.
      newTab: true,
      attribution: true,
    },
  });
  const article = parse(html).querySelector('article');
  if (!article) throw new Error(`TermCard rendered no <article> for ${term.id}`);
  return toCardNode(article)!;
}

