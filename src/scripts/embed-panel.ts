// Enhances the "Embed this term" panel: shows the copy buttons (each confirms the copy in its
// live region), sizes the card preview to the height the card reports, and applies the theme
// picked: each code's text for that theme (written by the page: the light one is the textarea's
// own text) and the preview in it.
import { embedPath, heightFromMessage, isEmbedTheme } from '../lib/embed-protocol.ts';

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy-target]')) {
  const field = document.getElementById(button.dataset.copyTarget ?? '');
  const status = button.nextElementSibling;
  if (!(field instanceof HTMLTextAreaElement) || !status) continue;
  let timer: ReturnType<typeof setTimeout> | undefined;
  button.hidden = false;
  button.addEventListener('click', async () => {
    let copied = false;
    try {
      await navigator.clipboard.writeText(field.value);
      copied = true;
    } catch {
      field.focus();
      field.select();
      copied = document.execCommand('copy');
    }
    status.textContent = copied ? 'Copied' : 'Selected: press Ctrl+C (or ⌘C) to copy';
    clearTimeout(timer);
    timer = setTimeout(() => (status.textContent = ''), 4000);
  });
}

const preview = document.querySelector<HTMLIFrameElement>('iframe.embed-panel__preview');
for (const radio of document.querySelectorAll<HTMLInputElement>('.embed-panel input[name="embed-theme"]')) {
  radio.addEventListener('change', () => {
    const theme = radio.value;
    if (!radio.checked || !isEmbedTheme(theme)) return;
    for (const field of document.querySelectorAll<HTMLTextAreaElement>('.embed-panel textarea')) {
      const code = theme === 'light' ? field.defaultValue : field.dataset[`code${theme[0]!.toUpperCase()}${theme.slice(1)}`];
      if (code) field.value = code;
    }
    if (preview?.dataset.slug) {
      preview.src = embedPath(preview.dataset.slug, theme);
      preview.style.colorScheme = theme === 'auto' ? 'light dark' : theme;
    }
  });
  // A choice the browser restored on reload applies too.
  if (radio.checked && radio.value !== 'light') radio.dispatchEvent(new Event('change'));
}
if (preview) {
  addEventListener('message', (event) => {
    if (event.origin !== location.origin || event.source !== preview.contentWindow) return;
    const height = heightFromMessage(event.data, preview.dataset.slug ?? '');
    if (height !== undefined) preview.style.height = `${height}px`;
  });
}
