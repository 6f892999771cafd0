// Shows a term's card next to a term link on hover (after a short delay) or keyboard focus.
// Escape or moving away closes it. Touch taps simply follow the link.
const source = document.getElementById('term-previews') as HTMLTemplateElement | null;

if (source) {
  const SHOW_DELAY = 300;
  const HIDE_DELAY = 200;
  const popup = document.createElement('div');
  popup.id = 'term-preview';
  popup.className = 'term-preview';
  popup.setAttribute('role', 'tooltip');
  popup.hidden = true;
  // Inside <main>, so the preview sits in a landmark; main is not positioned, so page coordinates apply.
  (document.querySelector('main') ?? document.body).append(popup);

  let current: HTMLAnchorElement | null = null;
  let showTimer = 0;
  let hideTimer = 0;

  const show = (link: HTMLAnchorElement) => {
    clearTimeout(hideTimer);
    if (current === link && !popup.hidden) return;
    const card = source.content.querySelector(`[data-term-card="${CSS.escape(link.dataset.term ?? '')}"]`);
    if (!card) return;
    hide();
    popup.replaceChildren(card.cloneNode(true));
    popup.hidden = false;
    current = link;
    link.setAttribute('aria-describedby', popup.id);
    const r = link.getBoundingClientRect();
    const width = popup.offsetWidth;
    const left = Math.max(8, Math.min(r.left, document.documentElement.clientWidth - width - 8));
    const below = r.bottom + 8 + popup.offsetHeight < innerHeight || r.top < popup.offsetHeight + 8;
    popup.style.left = `${left + scrollX}px`;
    popup.style.top = `${(below ? r.bottom + 6 : r.top - popup.offsetHeight - 6) + scrollY}px`;
  };

  function hide() {
    clearTimeout(showTimer);
    popup.hidden = true;
    current?.removeAttribute('aria-describedby');
    current = null;
  }

  const linkFrom = (target: EventTarget | null) =>
    target instanceof Element ? target.closest<HTMLAnchorElement>('a.term-link[data-term]') : null;

  document.addEventListener('pointerover', (e) => {
    if (e.pointerType !== 'mouse') return;
    const link = linkFrom(e.target);
    if (link) {
      clearTimeout(showTimer);
      showTimer = window.setTimeout(() => show(link), SHOW_DELAY);
    } else if (popup.contains(e.target as Node)) {
      clearTimeout(hideTimer);
    }
  });
  document.addEventListener('pointerout', (e) => {
    if (e.pointerType !== 'mouse') return;
    if (linkFrom(e.target) || popup.contains(e.target as Node)) {
      clearTimeout(showTimer);
      hideTimer = window.setTimeout(hide, HIDE_DELAY);
    }
  });
  document.addEventListener('focusin', (e) => {
    const link = linkFrom(e.target);
    if (link) show(link);
    else hide();
  });
  document.addEventListener('focusout', (e) => {
    if (linkFrom(e.target)) hide();
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !popup.hidden) hide();
  });
}
