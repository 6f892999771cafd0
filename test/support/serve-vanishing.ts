/**
 * scripts/serve.ts with one fault injected: any file whose name contains "vanishing" is
 * deleted just before the server opens it, as a rebuild deleting files under a running server
 * would do between the server's look-up and its read. Used by test/server/static-server.test.ts.
 */
import fs from 'node:fs';

const open = fs.open;
(fs as { open: unknown }).open = function (path: fs.PathLike, ...rest: unknown[]) {
  if (String(path).includes('vanishing')) fs.rmSync(path, { force: true });
  return (open as (...args: unknown[]) => void)(path, ...rest);
};

await import('../../scripts/serve.ts');
