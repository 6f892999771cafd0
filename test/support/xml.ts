/**
 * A small strict XML parser for checking the feed and the sitemaps: it rejects anything that is
 * not well-formed (unclosed or mismatched tags, bare "<" or "&", unknown entities, duplicate
 * attributes, several root elements) and returns the element tree.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text and CDATA, entities decoded (not its children's). */
  text: string;
}

export class XmlError extends Error {
  override name = 'XmlError';
}

const NAME_START = /[A-Za-z_:]/;
const NAME_CHAR = /[A-Za-z0-9_:.\-]/;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function parseXml(source: string): XmlElement {
  let i = 0;
  const fail = (message: string): never => {
    const line = source.slice(0, i).split('\n').length;
    throw new XmlError(`${message} (line ${line})`);
  };
  const startsWith = (s: string) => source.startsWith(s, i);
  const skipSpace = () => {
    while (i < source.length && ' \t\r\n'.includes(source[i]!)) i++;
  };
  const readName = (): string => {
    const start = i;
    if (!NAME_START.test(source[i] ?? '')) fail(`expected a name at "${source.slice(i, i + 10)}"`);
    i++;
    while (i < source.length && NAME_CHAR.test(source[i]!)) i++;
    return source.slice(start, i);
  };
  const decode = (raw: string): string => {
    let out = '';
    for (let k = 0; k < raw.length; k++) {
      const ch = raw[k]!;
      if (ch === '<') fail('bare "<" in text or attribute');
      if (ch !== '&') {
        out += ch;
        continue;
      }
      const end = raw.indexOf(';', k);
      if (end < 0) fail('unterminated entity');
      const name = raw.slice(k + 1, end);
      if (/^#x[0-9a-fA-F]+$/.test(name)) out += String.fromCodePoint(parseInt(name.slice(2), 16));
      else if (/^#[0-9]+$/.test(name)) out += String.fromCodePoint(parseInt(name.slice(1), 10));
      else if (Object.hasOwn(ENTITIES, name)) out += ENTITIES[name];
      else fail(`unknown entity &${name};`);
      k = end;
    }
    return out;
  };
  const skipMisc = () => {
    for (;;) {
      skipSpace();
      if (startsWith('<!--')) {
        const end = source.indexOf('-->', i + 4);
        if (end < 0) fail('unterminated comment');
        i = end + 3;
      } else if (startsWith('<?')) {
        const end = source.indexOf('?>', i + 2);
        if (end < 0) fail('unterminated processing instruction');
        i = end + 2;
      } else return;
    }
  };

  const readElement = (): XmlElement => {
    if (!startsWith('<')) fail('expected an element');
    i++;
    const element: XmlElement = { name: readName(), attributes: {}, children: [], text: '' };
    for (;;) {
      const before = i;
      skipSpace();
      if (startsWith('/>')) {
        i += 2;
        return element;
      }
      if (startsWith('>')) {
        i++;
        break;
      }
      if (i === before) fail(`expected whitespace before an attribute of <${element.name}>`);
      const attr = readName();
      skipSpace();
      if (source[i] !== '=') fail(`attribute ${attr} has no value`);
      i++;
      skipSpace();
      const quote = source[i];
      if (quote !== '"' && quote !== "'") fail(`attribute ${attr} is not quoted`);
      const end = source.indexOf(quote!, i + 1);
      if (end < 0) fail(`unterminated attribute ${attr}`);
      if (attr in element.attributes) fail(`duplicate attribute ${attr}`);
      element.attributes[attr] = decode(source.slice(i + 1, end));
      i = end + 1;
    }
    for (;;) {
      if (i >= source.length) fail(`<${element.name}> is never closed`);
      if (startsWith('</')) {
        i += 2;
        const name = readName();
        if (name !== element.name) fail(`</${name}> closes <${element.name}>`);
        skipSpace();
        if (source[i] !== '>') fail(`malformed closing tag </${name}`);
        i++;
        return element;
      }
      if (startsWith('<![CDATA[')) {
        const end = source.indexOf(']]>', i);
        if (end < 0) fail('unterminated CDATA section');
        element.text += source.slice(i + 9, end);
        i = end + 3;
      } else if (startsWith('<!--')) {
        const end = source.indexOf('-->', i + 4);
        if (end < 0) fail('unterminated comment');
        i = end + 3;
      } else if (startsWith('<')) {
        element.children.push(readElement());
      } else {
        const end = source.indexOf('<', i);
        element.text += decode(source.slice(i, end < 0 ? source.length : end));
        i = end < 0 ? source.length : end;
      }
    }
  };

  if (source.charCodeAt(0) === 0xfeff) i = 1;
  skipMisc();
  if (startsWith('<!DOCTYPE')) fail('a DOCTYPE is not expected here');
  const root = readElement();
  skipMisc();
  if (i < source.length) fail('content after the root element');
  return root;
}

/** Every descendant element named `name`, in document order. */
export function descendants(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((child) => [...(child.name === name ? [child] : []), ...descendants(child, name)]);
}

/** The text of the first child element named `name`, or undefined. */
export function childText(element: XmlElement, name: string): string | undefined {
  return element.children.find((c) => c.name === name)?.text.trim();
}
