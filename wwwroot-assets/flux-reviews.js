/*! Flux reviews widget: renders a merchant's visible, verified reviews into every .flux-reviews[data-publishable-key].
 * Vanilla JS, no dependencies; every customer word is set as text, never as markup. */
(function (window, document) {
  'use strict';
  if (window.FluxReviews && window.FluxReviews.version) {
    window.FluxReviews.scan();
    return;
  }

  var SCRIPT_PATH = /\/embed\/flux-reviews\.js(?:[?#].*)?$/;
  var KEY = /^pk_(test|live)_[0-9A-Za-z]{32}$/;
  // ASCII only, so the script reads the same on a page of any encoding.
  var STARS = '\u2605\u2605\u2605\u2605\u2605';
  var script = document.currentScript;
  if (!script || !SCRIPT_PATH.test(script.src)) {
    var scripts = document.getElementsByTagName('script');
    for (var i = scripts.length - 1; i >= 0; i--) {
      if (SCRIPT_PATH.test(scripts[i].src)) { script = scripts[i]; break; }
    }
  }
  // Flux's base URL is where this script came from: the API and the styles live there.
  var base = script ? script.src.replace(SCRIPT_PATH, '') : '';

  function loadStyles() {
    if (document.querySelector('link[data-flux-reviews-css]')) return;
    var link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = base + '/embed/flux-reviews.css';
    link.setAttribute('data-flux-reviews-css', '');
    (document.head || document.documentElement).appendChild(link);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  function stars(rating) {
    var n = Math.max(0, Math.min(5, Math.round(Number(rating) || 0)));
    var node = el('span', 'flux-reviews-stars', STARS.slice(0, n));
    node.appendChild(el('span', 'flux-reviews-stars-off', STARS.slice(n)));
    node.setAttribute('role', 'img');
    node.setAttribute('aria-label', n + ' out of 5 stars');
    return node;
  }

  function safeUrl(url) {
    try {
      var parsed = new URL(url, base || window.location.href);
      return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  function shortHash(hash) {
    hash = String(hash || '');
    return hash.length > 16 ? hash.slice(0, 8) + '\u2026' + hash.slice(-8) : hash;
  }

  function badge(proof) {
    var node = el('div', 'flux-reviews-badge');
    node.appendChild(el('span', 'flux-reviews-badge-label', '\u2714 Verified Pi purchase'));
    var url = proof.explorer_url && safeUrl(proof.explorer_url);
    var tx = el(url ? 'a' : 'span', 'flux-reviews-tx', shortHash(proof.transaction_hash));
    tx.title = String(proof.transaction_hash || '');
    if (url) {
      tx.href = url;
      tx.target = '_blank';
      tx.rel = 'noopener noreferrer';
    }
    node.appendChild(tx);
    node.appendChild(el('span', 'flux-reviews-date', 'paid ' + String(proof.paid_at || '').slice(0, 10)));
    return node;
  }

  function render(host, list) {
    host.textContent = '';
    var wrap = el('section', 'flux-reviews-wrap');
    var head = el('div', 'flux-reviews-head');
    head.appendChild(el('span', 'flux-reviews-merchant', list.merchant_name));
    if (list.review_count > 0) {
      head.appendChild(stars(list.average_rating));
      head.appendChild(el('span', 'flux-reviews-average',
        Number(list.average_rating).toFixed(1) + ' \u00b7 ' + list.review_count + (list.review_count === 1 ? ' review' : ' reviews')));
    }
    wrap.appendChild(head);
    if (!list.data || list.data.length === 0) {
      wrap.appendChild(el('p', 'flux-reviews-empty', 'No reviews yet.'));
    }
    (list.data || []).forEach(function (review) {
      var item = el('article', 'flux-reviews-item');
      item.setAttribute('data-review-id', review.review_id);
      item.appendChild(stars(review.rating));
      if (review.title) item.appendChild(el('h4', 'flux-reviews-title', review.title));
      item.appendChild(el('p', 'flux-reviews-text', review.text));
      item.appendChild(el('div', 'flux-reviews-by', review.display_name + ' \u00b7 ' + review.product_name));
      item.appendChild(badge(review.verified_purchase || {}));
      wrap.appendChild(item);
    });
    host.appendChild(wrap);
  }

  function load(host) {
    if (host.getAttribute('data-flux-rendered')) return;
    host.setAttribute('data-flux-rendered', 'true');
    var key = host.getAttribute('data-publishable-key') || '';
    var limit = parseInt(host.getAttribute('data-limit') || '10', 10);
    if (!KEY.test(key)) {
      host.textContent = 'Reviews need a publishable key (pk_test_\u2026 or pk_live_\u2026).';
      return;
    }
    fetch(base + '/v1/public/reviews?limit=' + (limit >= 1 && limit <= 100 ? limit : 10), {
      headers: { Authorization: 'Bearer ' + key },
      credentials: 'omit'
    }).then(function (response) {
      if (!response.ok) throw new Error('status ' + response.status);
      return response.json();
    }).then(function (list) {
      render(host, list);
    }, function () {
      host.textContent = 'Reviews could not be loaded.';
    });
  }

  function scan() {
    var hosts = document.querySelectorAll('.flux-reviews[data-publishable-key]');
    for (var i = 0; i < hosts.length; i++) load(hosts[i]);
  }

  window.FluxReviews = { version: '1', scan: scan };
  loadStyles();
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', scan);
  } else {
    scan();
  }
})(window, document);
