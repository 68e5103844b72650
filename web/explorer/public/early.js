// The first script of the page and the embed, a classic one in <head>: it runs
// before the first paint (module scripts run only after the page is parsed).
// It marks <html> with the view (`view`, or its older name `mode`) and the theme the address asks for, so that
// from the first frame only that mode's text is shown (style.css), the
// explorer's room is kept for its mode, and the colours are the theme's.
// main.js and embed.js read the address fully afterwards (views/index.js,
// which also notes a bad value) and set both again; the modes here are the
// registry's, the first one the default.
{
  const MODES = ['discrete', 'continuous', 'code', 'evidence'], THEMES = ['auto', 'light', 'dark'];
  const params = new URLSearchParams(location.search);
  const word = (name, allowed) => {
    const value = (params.get(name) ?? '').trim().toLowerCase();
    return allowed.includes(value) ? value : allowed[0];
  };
  const viewName = (params.get('view') ?? '').trim() === '' ? 'mode' : 'view';
  document.documentElement.dataset.mode = word(viewName, MODES);
  document.documentElement.dataset.theme = word('theme', THEMES);
}
