// "On this page": marks the link of the section being read (aria-current), as the reader scrolls.
const links = [...document.querySelectorAll<HTMLAnchorElement>('.toc a')];
const targets = links.flatMap((a) => {
  const el = document.getElementById(decodeURIComponent(a.hash.slice(1)));
  return el ? [{ a, el }] : [];
});

if (targets.length && 'IntersectionObserver' in window) {
  const mark = () => {
    let current = targets[0]!;
    for (const t of targets) if (t.el.getBoundingClientRect().top < innerHeight * 0.15) current = t;
    for (const t of targets) t.a.toggleAttribute('aria-current', t === current);
    current.a.setAttribute('aria-current', 'location');
  };
  const observer = new IntersectionObserver(mark, { rootMargin: '0px 0px -85% 0px' });
  targets.forEach((t) => observer.observe(t.el));
}
