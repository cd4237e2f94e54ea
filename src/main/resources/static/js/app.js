// Patient search answers as the receptionist types: fetch the result list (server-rendered, escaped)
// and swap it in. Without JavaScript the form still works as a plain GET.
(function () {
  'use strict';
  const form = document.querySelector('form.search-form');
  if (form) {
    const input = form.querySelector('input[name="q"]');
    const url = form.getAttribute('data-results-url');
    let timer = null;
    let latest = 0;
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        const ticket = ++latest;
        const q = input.value;
        fetch(url + '?q=' + encodeURIComponent(q), { headers: { 'Accept': 'text/html' }, credentials: 'same-origin' })
          .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
          .then(function (html) {
            if (ticket !== latest) { return; } // a newer keystroke already asked
            const doc = new DOMParser().parseFromString(html, 'text/html');
            const fresh = doc.getElementById('results');
            if (fresh) { document.getElementById('results').replaceWith(fresh); }
            history.replaceState(null, '', '?q=' + encodeURIComponent(q));
          })
          .catch(function () { /* keep the previous list; the submit button still works */ });
      }, 200);
    });
  }
  // The session note signs from the keyboard: Ctrl+Enter (Cmd+Enter on a Mac) presses "Sign", which also
  // saves. Leaving with unsaved typing asks first, so a draft is not lost by a stray click.
  const noteForm = document.querySelector('form.note-form');
  if (noteForm) {
    let dirty = false;
    noteForm.addEventListener('input', function () { dirty = true; });
    noteForm.addEventListener('submit', function () { dirty = false; });
    noteForm.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        const sign = noteForm.querySelector('button[name="action"][value="sign"]');
        if (sign) {
          event.preventDefault();
          noteForm.requestSubmit(sign);
        }
      }
    });
    window.addEventListener('beforeunload', function (event) {
      if (dirty) { event.preventDefault(); }
    });
  }
  // Whole result rows are clickable, not only the name.
  document.addEventListener('click', function (event) {
    const row = event.target.closest('.patient-results tbody tr');
    if (row && !event.target.closest('a')) {
      const link = row.querySelector('a.patient-link');
      if (link) { window.location.href = link.href; }
    }
  });
})();
