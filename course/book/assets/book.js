// Draws every vega-lite chart of the page with vega-embed (bundled in assets/, no network).
// Each .vega-chart holds its spec in a JSON script tag and the kernel's PNG; the PNG is removed
// once the live chart has drawn, and stays if drawing fails or scripts are off.
(function () {
  'use strict';
  function draw(container) {
    var spec = JSON.parse(container.querySelector('script[type="application/json"]').textContent);
    var target = container.querySelector('.vega-target');
    return vegaEmbed(target, spec, { renderer: 'svg', actions: false, logLevel: vega.Error })
      .then(function () {
        var fallback = container.querySelector('.chart-fallback');
        if (fallback) fallback.remove();
        container.setAttribute('data-drawn', 'true');
      })
      .catch(function (err) {
        container.setAttribute('data-drawn', 'failed');
        console.warn('retarget-lab book: a chart could not be drawn live; showing its PNG.', err);
      });
  }
  function start() {
    var charts = Array.prototype.slice.call(document.querySelectorAll('.vega-chart'));
    Promise.all(charts.map(draw)).then(function () { document.body.setAttribute('data-charts', 'done'); });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
