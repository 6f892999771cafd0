// Enhances the "Embed this term" panel: shows the copy buttons (each confirms the copy in its
// live region) and sizes the card preview to the height the card reports.
import { heightFromMessage } from '../lib/embed-protocol.ts';

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
if (preview) {
  addEventListener('message', (event) => {
    if (event.origin !== location.origin || event.source !== preview.contentWindow) return;
    const height = heightFromMessage(event.data, preview.dataset.slug ?? '');
    if (height !== undefined) preview.style.height = `${height}px`;
  });
}
