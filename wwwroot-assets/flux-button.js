/*! Flux order button: renders every .flux-button[data-button-id] and FluxButton.create({...}) buttons, starts the
 * order through Flux's public API and opens the hosted checkout in an overlay. Vanilla JS, no dependencies. */
(function (window, document) {
  'use strict';
  if (window.FluxButton && window.FluxButton.version) {
    window.FluxButton.scan();
    return;
  }

  var SCRIPT_PATH = /\/embed\/flux-button\.js(?:[?#].*)?$/;
  var COLOR = /^#[0-9a-fA-F]{6}$/;
  var script = document.currentScript;
  if (!script || !SCRIPT_PATH.test(script.src)) {
    var scripts = document.getElementsByTagName('script');
    for (var i = scripts.length - 1; i >= 0; i--) {
      if (SCRIPT_PATH.test(scripts[i].src)) { script = scripts[i]; break; }
    }
  }
  // Flux's base URL is where this script came from: the API, the styles and the checkout live there.
  var base = script ? script.src.replace(SCRIPT_PATH, '') : '';
  var fluxOrigin = base ? new URL(base, window.location.href).origin : window.location.origin;
  var current = null;

  function loadStyles() {
    if (document.querySelector('link[data-flux-button-css]')) return;
    var link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = base + '/embed/flux-button.css';
    link.setAttribute('data-flux-button-css', '');
    (document.head || document.documentElement).appendChild(link);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    // textContent only: merchant-supplied text never becomes markup.
    if (text != null) node.textContent = text;
    return node;
  }

  // Pi, or the ISO code of a button priced in another currency (ButtonRules.UnitOf).
  function unitOf(currency) {
    return !currency || currency === 'PI' ? 'Pi' : currency;
  }

  // An amount as Flux writes it: up to 7 decimals, never in exponent form (0.0000001, not 1e-7).
  function amountText(amount) {
    return Number(amount).toFixed(7).replace(/\.?0+$/, '');
  }

  // A customer's amount as JSON number text, digit for digit (null when it is not a plain number): never through a
  // double, which would turn 999999999.0000003 into ...0004. Flux refuses more decimals than it keeps, in words.
  function typedAmount(value) {
    var parts = /^(\d*)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(String(value).trim());
    if (!parts || (!parts[1] && !parts[2])) return null;
    return (parts[1] || '0') + (parts[2] ? '.' + parts[2] : '') + (parts[3] ? 'e' + parts[3] : '');
  }

  // The amount once: a label that already names it ("Pay 10 Pi", "Pay 10.00 Pi") is left as it is (ButtonRules.LabelWithAmount).
  function labelWithAmount(label, amount, unit) {
    if (amount == null) return label;
    var number = amountText(amount);
    var named = number.replace(/[.]/g, '\\.') + (number.indexOf('.') < 0 ? '(?:\\.0+)?' : '0*');
    return new RegExp('(^|[^0-9.,])' + named + '\\s*' + unit + '\\b', 'i').test(label) ? label : label + ' \u00b7 ' + number + ' ' + unit;
  }

  function api(path, body, publishableKey) {
    var headers = { 'Content-Type': 'application/json' };
    if (publishableKey) headers.Authorization = 'Bearer ' + publishableKey;
    return fetch(base + path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? (publishableKey ? { Authorization: headers.Authorization } : {}) : headers,
      body: body === undefined || typeof body === 'string' ? body : JSON.stringify(body),
      credentials: 'omit'
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        if (!response.ok) {
          var error = new Error((json.error && json.error.message) || 'Flux could not be reached.');
          error.status = response.status;
          throw error;
        }
        return json;
      });
    });
  }

  function safeUrl(url) {
    try {
      var parsed = new URL(url, window.location.href);
      return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  // The UI every button shares: an amount field (customer-entered amounts), the button, an error line.
  function renderUi(host, options) {
    host.textContent = '';
    var style = options.style || {};
    var wrap = el('div', 'flux-btn-wrap flux-theme-' + (style.theme === 'dark' ? 'dark' : 'light'));
    var unit = unitOf(options.currency);
    var input = null;
    if (options.amountMin != null) {
      input = el('input', 'flux-btn-amount');
      input.type = 'number';
      input.min = String(options.amountMin);
      input.max = String(options.amountMax);
      input.step = 'any';
      input.inputMode = 'decimal';
      input.placeholder = amountText(options.amountMin) + '\u2013' + amountText(options.amountMax) + ' ' + unit;
      input.setAttribute('aria-label', 'Amount in ' + unit);
      wrap.appendChild(input);
    }
    var label = options.label || 'Pay with Pi';
    var button = el('button', 'flux-btn flux-size-' + (['s', 'm', 'l'].indexOf(style.size) >= 0 ? style.size : 'm') +
      ' flux-shape-' + (['rounded', 'pill', 'square'].indexOf(style.shape) >= 0 ? style.shape : 'rounded'),
      labelWithAmount(label, options.amount, unit));
    button.type = 'button';
    if (COLOR.test(style.color || '')) button.style.setProperty('--flux-color', style.color);
    var error = el('div', 'flux-btn-error');
    error.setAttribute('role', 'alert');
    wrap.appendChild(button);
    wrap.appendChild(error);
    host.appendChild(wrap);

    if (options.enabled === false || options.archived) {
      button.disabled = true;
      // An archived button's item is no longer sold; a disabled one may come back.
      button.textContent = options.archived ? 'No longer available' : 'Unavailable';
      button.className += ' flux-btn-unavailable';
      if (input) input.disabled = true;
      return button;
    }

    button.addEventListener('click', function () {
      error.textContent = '';
      var amount;
      if (input) {
        amount = typedAmount(input.value);
        if (amount == null || !(Number(amount) >= options.amountMin && Number(amount) <= options.amountMax)) {
          error.textContent = 'Enter an amount from ' + amountText(options.amountMin) + ' to ' + amountText(options.amountMax) + ' ' + unit + '.';
          input.focus();
          return;
        }
      }
      button.disabled = true;
      options.startOrder(amount).then(function (order) {
        openCheckout(checkoutUrl(order.checkout_url || base + '/checkout/' + encodeURIComponent(order.order_id)), order.order_id, options);
      }, function (e) {
        error.textContent = e.message;
      }).then(function () { button.disabled = false; });
    });
    return button;
  }

  // The checkout tells this page, and no other, that the order is paid: it posts only to the origin named here.
  function checkoutUrl(url) {
    return url + (url.indexOf('?') < 0 ? '?' : '&') + 'parent_origin=' + encodeURIComponent(window.location.origin);
  }

  function openCheckout(url, orderId, options) {
    closeCheckout();
    var overlay = el('div', 'flux-overlay');
    overlay.setAttribute('role', 'dialog');
    overlay.setAttribute('aria-modal', 'true');
    overlay.setAttribute('aria-label', 'Pay with Pi');
    var frameBox = el('div', 'flux-overlay-box');
    var close = el('button', 'flux-overlay-close', '\u00d7');
    close.type = 'button';
    close.setAttribute('aria-label', 'Close');
    close.addEventListener('click', closeCheckout);
    var iframe = el('iframe', 'flux-checkout');
    iframe.src = url;
    iframe.title = 'Flux checkout';
    iframe.setAttribute('allow', 'clipboard-write');
    frameBox.appendChild(close);
    frameBox.appendChild(iframe);
    overlay.appendChild(frameBox);
    overlay.addEventListener('click', function (e) { if (e.target === overlay) closeCheckout(); });
    document.body.appendChild(overlay);
    current = { overlay: overlay, iframe: iframe, orderId: orderId, options: options, restoreFocus: document.activeElement };
    close.focus();
  }

  function closeCheckout() {
    if (!current) return;
    var restore = current.restoreFocus;
    if (current.overlay.parentNode) current.overlay.parentNode.removeChild(current.overlay);
    current = null;
    if (restore && restore.focus) restore.focus();
  }

  document.addEventListener('keydown', function (e) {
    if (current && (e.key === 'Escape' || e.key === 'Esc')) closeCheckout();
  });

  window.addEventListener('message', function (e) {
    var data = e.data;
    if (!current || e.origin !== fluxOrigin || e.source !== current.iframe.contentWindow) return;
    if (!data || data.type !== 'flux:order.confirmed' || data.order_id !== current.orderId) return;
    var options = current.options;
    var transaction = { id: data.transaction_id, amount: data.amount, orderId: data.order_id };
    if (options.host) {
      options.host.dispatchEvent(new CustomEvent('flux:order-confirmed', { bubbles: true, detail: transaction }));
    }
    if (typeof options.onOrderConfirmed === 'function') {
      try { options.onOrderConfirmed(transaction); } catch (err) { window.setTimeout(function () { throw err; }); }
    }
    // As a payment link's: every {ORDER_ID} in the success URL becomes the order's id, URL-encoded.
    var success = options.successUrl && safeUrl(options.successUrl.split('{ORDER_ID}').join(encodeURIComponent(data.order_id)));
    if (success) window.location.assign(success);
  });

  function renderSnippet(host) {
    if (host.getAttribute('data-flux-rendered')) return;
    host.setAttribute('data-flux-rendered', 'true');
    var id = host.getAttribute('data-button-id');
    var path = '/v1/public/buttons/' + encodeURIComponent(id);
    var handlerName = host.getAttribute('data-on-order-confirmed');
    api(path).then(function (button) {
      renderUi(host, {
        host: host,
        label: button.label,
        amount: button.amount,
        amountMin: button.amount == null ? button.amount_min : null,
        amountMax: button.amount_max,
        currency: button.currency,
        style: button.style,
        enabled: button.enabled,
        archived: button.archived,
        successUrl: button.success_url,
        onOrderConfirmed: handlerName ? function (t) {
          if (typeof window[handlerName] === 'function') window[handlerName](t);
        } : null,
        startOrder: function (amount) {
          return api(path + '/orders', amount === undefined ? {} : '{"amount":' + amount + '}');
        }
      });
    }, function () {
      renderUi(host, { enabled: false });
    });
  }

  function scan() {
    var hosts = document.querySelectorAll('.flux-button[data-button-id]');
    for (var i = 0; i < hosts.length; i++) renderSnippet(hosts[i]);
  }

  // The product docs' browser usage: a button for an amount paid into one of the merchant's wallets, with a publishable key.
  function create(options) {
    options = options || {};
    if (!options.publishableKey || !/^pk_(test|live)_/.test(options.publishableKey)) {
      throw new Error('FluxButton.create needs publishableKey (pk_test_... or pk_live_...); never use a secret key in a page.');
    }
    var target = typeof options.target === 'string' ? document.querySelector(options.target) : options.target;
    if (!target) {
      target = el('div', 'flux-button');
      (script && script.parentNode && script.parentNode !== document.head ? script.parentNode : document.body).appendChild(target);
    }
    loadStyles();
    var button = renderUi(target, {
      host: target,
      label: options.label,
      amount: options.amount,
      style: options.style,
      successUrl: options.successUrl,
      onOrderConfirmed: options.onOrderConfirmed,
      startOrder: function () {
        return api('/v1/public/orders', {
          amount: options.amount,
          currency: 'PI',
          merchant_wallet: options.merchantWallet,
          description: options.description
        }, options.publishableKey);
      }
    });
    return { element: target, button: button, close: closeCheckout };
  }

  window.FluxButton = { version: '1', create: create, scan: scan, close: closeCheckout };
  loadStyles();
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', scan);
  } else {
    scan();
  }
})(window, document);
