// /search-ui.js: the search dialog's suggestions, imported by search-box.ts on first use.
import { enhance } from './search-combobox.ts';

const dialog = document.querySelector<HTMLDialogElement>('#search-dialog');
// The suggestions' stylesheet, which pages link only from here, on first use.
const css = dialog?.dataset.popupCss;
if (css) document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: css }));

const input = document.querySelector<HTMLInputElement>('#header-search-input');
if (input) enhance(input);

// A click on the backdrop (outside the dialog's box) closes it, like Escape.
dialog?.addEventListener('click', (event) => {
  const r = dialog.getBoundingClientRect();
  if (event.target === dialog && (event.clientX < r.left || event.clientX > r.right || event.clientY < r.top || event.clientY > r.bottom)) dialog.close();
});
