/** Fixed addresses of the scripts built outside Vite's bundle (src/integrations/standalone-scripts.ts). */
export const EMBED_LOADER_PATH = '/embed.js';
export const SEARCH_UI_PATH = '/search-ui.js';
export const GLOSSARY_LINKS_PATH = '/glossary-links.js';
