// Serves the built site (dist/, or OUT_DIR) on 127.0.0.1:4321, or HOST and PORT.
import { startStaticServer } from './static-server.ts';

const root = process.env.OUT_DIR || 'dist';
const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT || 4321);

const { url } = await startStaticServer({ root, host, port });
console.log(`Serving ${root}/ at ${url}/ (Ctrl-C to stop)`);
