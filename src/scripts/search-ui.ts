// /search-ui.js: the header box's suggestions, imported by search-box.ts on first use.
import { enhance } from './search-combobox.ts';

const input = document.querySelector<HTMLInputElement>('#header-search-input');
if (input) enhance(input);
