/**
 * The brotli copy of one of Pagefind's gzip-stored index files (see PAGEFIND_BROTLI_EXTENSIONS in
 * mime.ts): the gzip layer undone, the signature checked, the content compressed again with
 * brotli at its best quality. Node builtins only: the precompression threads run it as it is.
 */
import { brotliCompressSync, constants, gunzipSync } from 'node:zlib';
import { PAGEFIND_SIGNATURE } from './mime.ts';

export const PAGEFIND_BROTLI_QUALITY = 11;

/** Throws, naming `file`, when the data is not gzip or its content lacks Pagefind's signature. */
export function pagefindBrotli(data: Uint8Array, file: string): Buffer {
  let content: Buffer;
  try {
    content = gunzipSync(data);
  } catch (error) {
    throw new Error(`${file}: not a gzip file as Pagefind writes them (${(error as Error).message})`);
  }
  if (content.subarray(0, PAGEFIND_SIGNATURE.length).toString('latin1') !== PAGEFIND_SIGNATURE) {
    throw new Error(`${file}: its content does not start with Pagefind's signature "${PAGEFIND_SIGNATURE}"`);
  }
  return brotliCompressSync(content, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: PAGEFIND_BROTLI_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_GENERIC,
      [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
    },
  });
}
