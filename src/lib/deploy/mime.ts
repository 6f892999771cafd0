/**
 * Content types by file extension: the one table both servers use (the local Node server
 * directly, nginx through the `types` block the build writes into dist/nginx.conf), so the
 * two answer every file with the same Content-Type.
 */
export const CHARSET_TYPES = ['text/html', 'text/css', 'text/javascript', 'application/json', 'application/xml', 'text/plain'] as const;

/** Extension (with its dot) -> media type, without parameters. */
export const MEDIA_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

export const DEFAULT_TYPE = 'application/octet-stream';

/** The Content-Type header for a file extension: UTF-8 text types carry `charset=utf-8`. */
export function contentTypeFor(extension: string): string {
  const type = MEDIA_TYPES[extension.toLowerCase()] ?? DEFAULT_TYPE;
  return (CHARSET_TYPES as readonly string[]).includes(type) ? `${type}; charset=utf-8` : type;
}

/**
 * Files the build stores precompressed (`.gz`, `.br`) beside the original. Pagefind's index
 * files (.pf_*, .pagefind) are compressed binaries already (but see PAGEFIND_RECOMPRESSED_EXTENSIONS),
 * and images are compressed formats.
 */
export const COMPRESSIBLE_EXTENSIONS = ['.html', '.css', '.js', '.mjs', '.json', '.xml', '.svg', '.txt', '.webmanifest'] as const;

export function isCompressible(path: string): boolean {
  const dot = path.lastIndexOf('.');
  return dot > path.lastIndexOf('/') && (COMPRESSIBLE_EXTENSIONS as readonly string[]).includes(path.slice(dot).toLowerCase());
}

/**
 * The encodings an Accept-Encoding header allows, of those given, best first in the order
 * given (`br` before `gzip` when both are listed and allowed). `q=0` refuses; `*` allows any
 * encoding not named.
 */
export function acceptedEncodings(header: string | undefined, offered: readonly string[]): string[] {
  if (!header) return [];
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [token, ...params] = part.trim().split(';');
    const name = token!.trim().toLowerCase();
    if (!name) continue;
    let weight = 1;
    for (const param of params) {
      const m = /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(param);
      if (m) weight = Number(m[1]);
    }
    q.set(name, Number.isFinite(weight) ? weight : 0);
  }
  return offered.filter((encoding) => (q.get(encoding) ?? q.get('*') ?? 0) > 0);
}

/**
 * Compressible files smaller than this get no precompressed copies. Compressed, such a file saves
 * a few hundred bytes at most, and the answer fits in one TCP segment either way; but at 10,000
 * terms they are 44,000 of the 69,000 text files (the per-term JSON files and the alias redirect
 * pages), so their copies were 88,000 of the files the build wrote, for 9 % of the raw bytes.
 * Without a copy, nginx compresses them on the fly (`gzip on`, `gzip_min_length 256` in
 * nginx.conf) and the local server sends them as they are, without `Vary`; both are correct.
 */
export const MIN_PRECOMPRESS_BYTES = 1024;

/** Whether the build writes FILE.gz and FILE.br beside a file of this path and size. */
export function isPrecompressed(path: string, size: number): boolean {
  return isCompressible(path) && size >= MIN_PRECOMPRESS_BYTES;
}

/**
 * Pagefind's WebAssembly module and its index metadata: the two largest files the first search
 * fetches, each whole (about 58 KB apiece at 10,000 terms). Pagefind stores every index file as
 * gzip of a signature (`pagefind_dcd`) and the data; its loader takes either that gzip file or,
 * when a server sent it with a Content-Encoding the browser has already undone, the signature
 * and data themselves. So the build writes copies of the *content* beside these two kinds only:
 * FILE.br at brotli's best quality (15 % smaller than the gzip file, for about 0.4 s of build
 * time), and FILE.gz at level 9 where that is smaller than the file as stored (the metadata, by
 * about 5 %: what nginx without brotli sends). A client that takes neither gets the stored gzip
 * file. The index chunks and fragments are left alone: small, many, and at best quality seven
 * seconds at 10,000 terms for a few hundred bytes per query.
 */
export const PAGEFIND_RECOMPRESSED_EXTENSIONS = ['.pagefind', '.pf_meta'] as const;

/** The signature each of Pagefind's index files starts with, once its gzip layer is undone. */
export const PAGEFIND_SIGNATURE = 'pagefind_dcd';

/** Whether the path is one of Pagefind's wasm or metadata files, whatever its size. */
export function isPagefindRecompressed(path: string): boolean {
  const dot = path.lastIndexOf('.');
  return dot > path.lastIndexOf('/') && (PAGEFIND_RECOMPRESSED_EXTENSIONS as readonly string[]).includes(path.slice(dot).toLowerCase());
}

/** Whether the build writes copies of the content of a Pagefind file of this path and size. */
export function hasPagefindCopies(path: string, size: number): boolean {
  return size >= MIN_PRECOMPRESS_BYTES && isPagefindRecompressed(path);
}
