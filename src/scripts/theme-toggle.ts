// Enhances the header's theme button: flips between light and dark and remembers the choice.
// The stored choice is applied before first paint by the inline script in BaseLayout.
const STORAGE_KEY = 'theme';
const root = document.documentElement;
const button = document.querySelector<HTMLButtonElement>('.theme-toggle');

const isDark = () =>
  root.dataset.theme ? root.dataset.theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;

if (button) {
  const sync = () => button.setAttribute('aria-pressed', String(isDark()));
  sync();
  button.addEventListener('click', () => {
    const next = isDark() ? 'light' : 'dark';
    root.dataset.theme = next;
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
    sync();
  });
}
