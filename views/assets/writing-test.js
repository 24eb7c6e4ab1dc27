// The timed writing test, made safer by the browser: a countdown, a live word count, a save every few seconds and on
// leaving the page, warnings at 5 and 1 minutes, and the text submitted when the time runs out. Without JavaScript
// the page still works with its "Save draft" and "Submit" buttons, and the server submits the last saved draft.
(function () {
  'use strict';
  var form = document.getElementById('writing-form');
  if (!form || !window.fetch) return;
  var text = form.querySelector('textarea[name="text"]');
  var csrf = form.querySelector('input[name="_csrf"]');
  var wordsOut = document.getElementById('writing-words');
  var savedOut = document.getElementById('writing-saved');
  var alertBox = document.getElementById('writing-alert');
  var countdown = document.getElementById('writing-countdown');
  var help = document.getElementById('help-text');
  var minWords = Number(form.dataset.minWords);
  var maxWords = Number(form.dataset.maxWords);
  var url = form.dataset.autosave;
  var savedText = text.value;
  var saving = false;
  var finished = false;
  var timer = null;

  if (help) help.textContent = 'Your text is saved automatically every few seconds. Only “Submit” sends it, once.';

  // The same count as the server's: runs of letters and digits, with apostrophes and hyphens inside a word.
  function countWords(value) {
    var matches = value.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
    return matches ? matches.length : 0;
  }

  function showWords() {
    var words = countWords(text.value);
    var hint = words < minWords ? ' (' + (minWords - words) + ' to go)' : words > maxWords ? ' (' + (words - maxWords) + ' too many)' : '';
    wordsOut.textContent = words + (words === 1 ? ' word' : ' words') + ' of ' + minWords + '–' + maxWords + hint;
  }

  function clock(date) {
    return date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  }

  function body(final) {
    var params = new URLSearchParams();
    params.set('_csrf', csrf.value);
    params.set('text', text.value);
    if (final) params.set('final', '1');
    return params;
  }

  function save(final) {
    if (finished || (saving && !final)) return Promise.resolve();
    if (!final && text.value === savedText) return Promise.resolve();
    var sending = text.value;
    saving = true;
    savedOut.textContent = 'Saving…';
    return fetch(url, { method: 'POST', body: body(final), headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        return response.json().then(function (result) {
          if (!response.ok) throw new Error(result.message || 'Not saved');
          return result;
        });
      })
      .then(function (result) {
        savedText = sending;
        savedOut.textContent = 'Saved automatically at ' + clock(new Date()) + '.';
        if (result.submitted) {
          finished = true;
          window.location.assign(form.dataset.done);
        }
      })
      .catch(function (error) {
        savedOut.textContent = 'Not saved: ' + error.message + '. Keep this page open; we will try again.';
      })
      .then(function () {
        saving = false;
      });
  }

  text.addEventListener('input', function () {
    showWords();
    clearTimeout(timer);
    timer = setTimeout(save, 2000);
  });
  setInterval(save, 10000);
  // Closing the tab or switching away: the browser sends the text even as the page goes.
  function leave() {
    if (finished || text.value === savedText || !navigator.sendBeacon) return;
    if (navigator.sendBeacon(url, body(false))) savedText = text.value;
  }
  window.addEventListener('pagehide', leave);
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') leave();
  });
  form.addEventListener('submit', function () {
    finished = true;
  });
  showWords();

  if (!form.dataset.remainingMs || !countdown) return;
  var deadline = Date.now() + Number(form.dataset.remainingMs);
  var warned = {};
  countdown.parentElement.hidden = false;

  function warn(message) {
    alertBox.textContent = message;
    alertBox.hidden = false;
  }

  function tick() {
    var left = Math.max(0, deadline - Date.now());
    var minutes = Math.floor(left / 60000);
    var seconds = Math.floor((left % 60000) / 1000);
    countdown.textContent = minutes + ':' + (seconds < 10 ? '0' : '') + seconds + ' left';
    if (left <= 5 * 60000 && left > 60000 && !warned.five) {
      warned.five = true;
      warn('5 minutes left. Your text is saved automatically and submitted when the time runs out.');
    }
    if (left <= 60000 && left > 0 && !warned.one) {
      warned.one = true;
      warn('1 minute left. Your text will be submitted as it is when the time runs out.');
    }
    if (left === 0 && !finished) {
      clearInterval(ticking);
      warn('Time is up. Submitting your text…');
      text.readOnly = true;
      save(true);
    }
  }
  var ticking = setInterval(tick, 1000);
  tick();
})();
