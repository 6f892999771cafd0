/**
 * Checks a content tree the way the build does, without building: `npm run check-content`
 * (or `CONTENT_DIR=other/tree npm run check-content`). Prints one line per problem and exits 1
 * if there is any.
 */
import { contentDir } from '../src/lib/content-source.ts';
import { checkContent } from '../src/lib/content-check.ts';

const dir = process.argv[2] ?? contentDir();
const { ok, problems } = await checkContent(dir);
if (ok) {
  console.log(`${dir}: content is valid`);
} else {
  console.error(problems.join('\n'));
  console.error(`\n${dir}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
  process.exitCode = 1;
}
