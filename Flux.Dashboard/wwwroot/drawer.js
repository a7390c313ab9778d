// The dashboard's navigation drawer (MainLayout), run by the browser alone. From 960 px wide it is open beside the page
// unless the menu button closed it; below, it is closed unless the button opened it over the page, and a link chosen
// in it, a click on the shade or Escape closes it again. html.flux-drawer-toggled is "the button flipped the default";
// app.css places the drawer from it.
(() => {
  const root = document.documentElement;
  const narrow = matchMedia('(max-width: 959.98px)');
  const toggled = () => root.classList.contains('flux-drawer-toggled');
  const isOpen = () => narrow.matches === toggled();
  const tell = () => {
    for (const button of document.querySelectorAll('[data-drawer-toggle]')) {
      button.setAttribute('aria-expanded', String(isOpen()));
    }
  };
  const set = on => {
    root.classList.toggle('flux-drawer-toggled', on);
    tell();
  };

  document.addEventListener('click', e => {
    if (e.target.closest('[data-drawer-toggle]')) {
      set(!toggled());
    } else if (narrow.matches && isOpen() && e.target.closest('.flux-drawer a, .flux-drawer-shade')) {
      set(false);
    }
  });
  document.addEventListener('keydown', e => {
    if (e.key === 'Escape' && narrow.matches && isOpen()) set(false);
  });
  narrow.addEventListener('change', () => set(false));
  // Blazor renders the button anew (the circuit replacing the prerendered page): each new one is told the state too.
  new MutationObserver(tell).observe(document.body, { childList: true, subtree: true });
  tell();
})();
