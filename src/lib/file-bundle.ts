/**
 * Many small JSON files carried as one: the build renders a single internal route that returns
 * every per-term JSON file and the glossary-links buckets at once
 * (src/pages/json-files.bundle.txt.ts), and an integration
 * (src/integrations/file-bundles.ts) writes each file out after the build and deletes the bundle.
 * Rendering one route instead of one route per file spares Astro's page pipeline thousands of
 * renders; the files written are byte for byte what the per-file routes answered
 * (`Response.json(value)`, that is `JSON.stringify(value)` in UTF-8).
 *
 * The format is one line per file: the file's site path, a tab, then its JSON. JSON.stringify
 * without indentation never writes a line break (line breaks in strings are escaped as `\n`), so
 * a line is always a whole file.
 */

/** A site path the bundle may carry: `/segment/.../name.json`, plain characters, no `.` or `..` segment. */
const PATH = /^(?:\/(?!\.\.?(?:\/|$))[A-Za-z0-9._~-]+)+\.json$/;

export function checkBundlePath(path: string): void {
  if (!PATH.test(path)) throw new Error(`file bundle: ${JSON.stringify(path)} is not a plain site path to a .json file`);
}

/** One line of a bundle: the path and the file's text (`JSON.stringify(value)`, what `Response.json` sends). */
export function bundleLine(path: string, value: unknown): string {
  checkBundlePath(path);
  const json = JSON.stringify(value);
  if (json === undefined) throw new Error(`file bundle: ${path} has no JSON value`);
  return `${path}\t${json}\n`;
}

/** A bundle of files, in the given order; a path given twice stops it. */
export function bundleFiles(files: Iterable<readonly [path: string, value: unknown]>): string {
  const seen = new Set<string>();
  let text = '';
  for (const [path, value] of files) {
    if (seen.has(path)) throw new Error(`file bundle: ${path} is given twice`);
    seen.add(path);
    text += bundleLine(path, value);
  }
  return text;
}

/** The files of a bundle as [site path, text] pairs, in bundle order. */
export function unbundleFiles(bundle: string): [path: string, text: string][] {
  const files: [string, string][] = [];
  const seen = new Set<string>();
  if (bundle !== '' && !bundle.endsWith('\n')) throw new Error('file bundle: the last line is cut short');
  let start = 0;
  while (start < bundle.length) {
    const end = bundle.indexOf('\n', start);
    const tab = bundle.indexOf('\t', start);
    if (tab === -1 || tab > end) throw new Error(`file bundle: line ${files.length + 1} has no tab between path and content`);
    const path = bundle.slice(start, tab);
    checkBundlePath(path);
    if (seen.has(path)) throw new Error(`file bundle: ${path} is given twice`);
    seen.add(path);
    files.push([path, bundle.slice(tab + 1, end)]);
    start = end + 1;
  }
  return files;
}

/** Where the build's bundle of small JSON files lands (the route src/pages/json-files.bundle.txt.ts). */
export const JSON_FILES_BUNDLE = '/json-files.bundle.txt';
