// The 404 page: reads the address it was served for, pre-fills the search box with its last
// part and offers the closest terms by name ("Did you mean Homeshoring?"), with the same name
// index as search. Served for any missing address, so everything here is fetched by absolute
// path. Without JavaScript the page is a plain search form.
import { queryFromPath } from '../lib/name-index.ts';
import { termPath } from '../lib/term-card.ts';
import { lookupNames } from './name-lookup.ts';

const input = document.querySelector<HTMLInputElement>('#notfound-search');
const offer = document.querySelector<HTMLElement>('#notfound-suggest');
const query = queryFromPath(location.pathname);

if (input && offer && query) {
  if (!input.value) input.value = query;
  lookupNames(query, 3)
    .then((hits) => {
      if (!hits.length) return;
      offer.replaceChildren('Did you mean ');
      hits.forEach((hit, i) => {
        if (i > 0) offer.append(i === hits.length - 1 ? ' or ' : ', ');
        const link = document.createElement('a');
        link.href = termPath(hit.slug);
        link.textContent = hit.title;
        offer.append(link);
      });
      offer.append('?');
      offer.hidden = false;
    })
    .catch(() => {});
}
