// Progressive enhancement of the upload form: files may be dropped on the zone, and a choice over the limits is
// refused before anything is sent (the server checks the same limits: this only saves a round trip).
(function () {
  const form = document.getElementById('upload-form');
  if (!form) {
    return;
  }
  const zone = document.getElementById('drop-zone');
  const input = document.getElementById('files');
  const error = document.getElementById('choice-error');
  const maxFiles = Number(form.dataset.maxFiles);
  const maxBytes = Number(form.dataset.maxBytes);

  // the sentences come from the page, in its language: {0} and {1} stand for the numbers or the file's name
  function say(pattern, first, second) {
    return pattern.replace('{0}', first).replace('{1}', second);
  }

  function problem(files) {
    if (files.length > maxFiles) {
      return say(form.dataset.tooMany, maxFiles, files.length);
    }
    const large = Array.from(files).find(function (f) { return f.size > maxBytes; });
    return large ? say(form.dataset.tooLarge, large.name, maxBytes) : '';
  }

  function check() {
    const message = problem(input.files);
    error.textContent = message;
    error.hidden = message === '';
    return message === '';
  }

  zone.addEventListener('dragover', function (event) {
    event.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', function () {
    zone.classList.remove('dragging');
  });
  zone.addEventListener('drop', function (event) {
    event.preventDefault();
    zone.classList.remove('dragging');
    input.files = event.dataTransfer.files;
    check();
  });
  input.addEventListener('change', check);
  form.addEventListener('submit', function (event) {
    if (!check()) {
      event.preventDefault();
    }
  });
})();
