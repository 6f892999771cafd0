// The header's theme control: system -> light -> dark -> system. The <head> script applies the
// stored choice before first paint, and CSS shows the label of the state <html> is in, so this
// only moves the state on and remembers it ('' stands for following the system).
const root = document.documentElement;

document.querySelector('.theme-toggle')?.addEventListener('click', () => {
  const theme = root.dataset.theme;
  const next = theme == 'light' ? 'dark' : theme ? '' : 'light';
  if (next) root.dataset.theme = next;
  else delete root.dataset.theme;
  try {
    localStorage.setItem('theme', next);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
});
