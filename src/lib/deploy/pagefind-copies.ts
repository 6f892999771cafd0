/**
 * The copies of one of Pagefind's gzip-stored index files (see PAGEFIND_RECOMPRESSED_EXTENSIONS in
 * mime.ts): the gzip layer undone, the signature checked, the content compressed again with
 * brotli at its best quality, and with gzip at level 9 (kept only where that beats the file as
 * Pagefind stored it: the metadata, by about 5 %, not the wasm module). Node builtins only: the
 * precompression threads run it as it is.
 */
import { brotliCompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import { PAGEFIND_SIGNATURE } from './mime.ts';

export const PAGEFIND_BROTLI_QUALITY = 11;

export interface PagefindCopies {
  br: Buffer;
  /** Undefined where gzip level 9 of the content is no smaller than the stored file. */
  gz?: Buffer;
}

/** Throws, naming `file`, when the data is not gzip or its content lacks Pagefind's signature. */
export function pagefindCopies(data: Uint8Array, file: string): PagefindCopies {
  let content: Buffer;
  try {
    content = gunzipSync(data);
  } catch (error) {
    throw new Error(`${file}: not a gzip file as Pagefind writes them (${(error as Error).message})`);
  }
  if (content.subarray(0, PAGEFIND_SIGNATURE.length).toString('latin1') !== PAGEFIND_SIGNATURE) {
    throw new Error(`${file}: its content does not start with Pagefind's signature "${PAGEFIND_SIGNATURE}"`);
  }
  const br = brotliCompressSync(content, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: PAGEFIND_BROTLI_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_GENERIC,
      [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
    },
  });
  const gz = gzipSync(content, { level: 9 });
  return { br, gz: gz.length < data.length ? gz : undefined };
}
