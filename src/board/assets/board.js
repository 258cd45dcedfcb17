// Live updates for the board's pages. The server stays the only renderer: on each event from the
// live stream this script re-fetches the page it is on and swaps in the new <main>, then marks the
// rows whose stance changed and says what happened in the aria-live region. The stream starts
// after the log position the page was rendered at (data-position), so nothing between the render
// and the connection is missed; EventSource resumes after a drop with Last-Event-ID by itself.
// While the projection keeps moving the server renews its pages at most once per READ_REFRESH_MS
// (1 s) and may send the page of before for up to 2 s while it renders the new one, so a page
// fetched just after an event may not show it yet: its data-position says so, and the script
// fetches it again a little later, for up to about 5 s.
(function () {
  'use strict';

  // The words of a chart mark (its quote, or what a group of claims holds) in a box beside it, on
  // hover, on keyboard focus, and on a first tap: touch screens have no hover, so a tap shows the
  // words and a second tap on the same mark follows its link.
  var tip = null;
  var tipFor = null;
  var lastPointer = 'mouse';

  function showTip(mark) {
    if (!tip) {
      tip = document.createElement('div');
      tip.className = 'mark-tip';
      tip.setAttribute('aria-hidden', 'true'); // the mark's aria-label already says it
      document.body.appendChild(tip);
    }
    tip.textContent = mark.getAttribute('aria-label') || '';
    tip.hidden = false;
    var box = mark.getBoundingClientRect();
    var left = Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8);
    tip.style.left = Math.max(window.scrollX + 8, left) + 'px';
    tip.style.top = window.scrollY + box.bottom + 6 + 'px';
    tipFor = mark;
  }

  function hideTip() {
    if (tip) tip.hidden = true;
    tipFor = null;
  }

  function markOf(event) {
    return event.target && event.target.closest ? event.target.closest('.claim-mark') : null;
  }

  document.addEventListener('pointerdown', function (event) {
    lastPointer = event.pointerType || 'mouse';
  });
  document.addEventListener('focusin', function (event) {
    var mark = markOf(event);
    // A tap focuses the mark too: the click after it decides.
    if (mark && lastPointer !== 'touch') showTip(mark);
  });
  document.addEventListener('focusout', function (event) {
    if (markOf(event)) hideTip();
  });
  document.addEventListener('mouseover', function (event) {
    var mark = markOf(event);
    // A tap sends a mouseover too: the click after it decides.
    if (mark && lastPointer !== 'touch') showTip(mark);
  });
  document.addEventListener('mouseout', function (event) {
    if (markOf(event) && lastPointer === 'mouse') hideTip();
  });
  document.addEventListener('click', function (event) {
    var mark = markOf(event);
    if (!mark || lastPointer !== 'touch') return;
    if (tipFor !== mark || (tip && tip.hidden)) {
      event.preventDefault();
      showTip(mark);
    }
  });
  document.addEventListener('keydown', function (event) {
    lastPointer = 'keyboard';
    if (event.key === 'Escape') hideTip();
  });

  var body = document.body;
  var indicator = document.querySelector('[data-live-status]');
  var announcer = document.getElementById('announcer');
  if (!body.dataset.stream || typeof EventSource === 'undefined' || !window.fetch || !window.DOMParser) return;

  var source = null;
  var lastEventId = body.dataset.position || '0';
  var retryDelay = 2000;
  var messages = [];
  var refreshTimer = null;
  var refreshing = false;
  var refreshAgain = false;
  var BEHIND_RETRY_MS = 600;
  var BEHIND_RETRIES = 8;
  var behindRetries = 0;

  function setStatus(state, text) {
    if (!indicator) return;
    indicator.hidden = false;
    indicator.dataset.state = state;
    indicator.querySelector('.live-text').textContent = text;
    indicator.title = state === 'live' ? 'Receiving updates as they happen' : 'Connection lost; trying again';
  }

  function connect() {
    var url = new URL(body.dataset.stream, window.location.href);
    url.searchParams.set('since', lastEventId);
    source = new EventSource(url.toString());
    source.onopen = function () {
      retryDelay = 2000;
      setStatus('live', 'live');
    };
    source.onerror = function () {
      setStatus('reconnecting', 'reconnecting');
      // The browser retries by itself unless the server answered with an error: then start over
      // from the last position received.
      if (source.readyState === EventSource.CLOSED) {
        source.close();
        window.setTimeout(connect, retryDelay);
        retryDelay = Math.min(retryDelay * 2, 60000);
      }
    };
    ['stance.changed', 'stance.withdrawn', 'claim.recorded'].forEach(function (type) {
      source.addEventListener(type, onEvent);
    });
  }

  function onEvent(event) {
    if (event.lastEventId) lastEventId = event.lastEventId;
    var data;
    try {
      data = JSON.parse(event.data);
    } catch (e) {
      data = null;
    }
    if (data) messages.push(describe(data));
    // Events of one log position come together (a claim and the change it makes): one refresh.
    if (refreshTimer === null) refreshTimer = window.setTimeout(refresh, 150);
  }

  function describe(data) {
    if (data.type === 'claim.recorded') return 'New claim: ' + data.actor.name + ', ' + data.stance + '.';
    return data.title + '.';
  }

  function rowStates(root) {
    var states = {};
    root.querySelectorAll('[data-actor]').forEach(function (row) {
      var key = (row.closest('[data-watch]') ? row.closest('[data-watch]').dataset.watch : '') + '/' + row.dataset.actor;
      states[key] = { stance: row.dataset.stance, claims: row.dataset.claims };
    });
    return states;
  }

  function flash(root, before) {
    var changed = 0;
    root.querySelectorAll('[data-actor]').forEach(function (row) {
      var key = (row.closest('[data-watch]') ? row.closest('[data-watch]').dataset.watch : '') + '/' + row.dataset.actor;
      var old = before[key];
      if (!old) return;
      var cls = old.stance !== row.dataset.stance ? 'flash-changed' : old.claims !== row.dataset.claims ? 'flash-claim' : null;
      if (!cls) return;
      if (cls === 'flash-changed') changed += 1;
      row.classList.add(cls);
      row.addEventListener('animationend', function () {
        row.classList.remove(cls);
      }, { once: true });
    });
    return changed;
  }

  function refresh() {
    refreshTimer = null;
    if (refreshing) {
      refreshAgain = true;
      return;
    }
    refreshing = true;
    fetch(window.location.href, { headers: { Accept: 'text/html' }, cache: 'no-store', credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.text();
      })
      .then(function (html) {
        var parsed = new DOMParser().parseFromString(html, 'text/html');
        var shown = Number(parsed.body.dataset.position);
        if (shown < Number(lastEventId) && behindRetries < BEHIND_RETRIES) {
          behindRetries += 1;
          if (refreshTimer === null) refreshTimer = window.setTimeout(refresh, BEHIND_RETRY_MS);
        } else {
          behindRetries = 0;
        }
        var fresh = parsed.querySelector('main');
        var current = document.querySelector('main');
        if (!fresh || !current) return;
        var before = rowStates(current);
        var node = document.importNode(fresh, true);
        current.replaceWith(node);
        flash(node, before);
        if (announcer && messages.length > 0) {
          announcer.textContent = messages.slice(-5).join(' ');
          messages = [];
        }
      })
      .catch(function () {
        // The next event refreshes again; the indicator shows a lost stream.
      })
      .then(function () {
        refreshing = false;
        if (refreshAgain) {
          refreshAgain = false;
          refresh();
        }
      });
  }

  connect();
})();
