/* gongkai: reader preferences applied before first paint (text size, high contrast).
   Loaded as a tiny blocking external script in <head> (CSP: no inline scripts).
   Marks <html class="js"> so the switches, which need JS, become visible. */
(function () {
  var c = document.documentElement.classList;
  c.add('js');
  try {
    var s = localStorage.getItem('gongkai-text-size');
    if (s === 'l' || s === 'xl') c.add('fs-' + s);
    if (localStorage.getItem('gongkai-contrast') === 'high') c.add('hc');
  } catch {
    /* storage blocked: default size and contrast */
  }
})();
