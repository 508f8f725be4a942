// Reloads a page showing long work while it runs: the element with data-refresh-seconds says how often; once the
// work is done the server renders the page without it, and reloading stops. No script: the page's refresh link.
(function () {
  const running = document.querySelector('[data-refresh-seconds]');
  if (!running) {
    return;
  }
  const seconds = Number(running.dataset.refreshSeconds);
  window.setTimeout(function () { window.location.reload(); }, Math.max(seconds, 1) * 1000);
}());
