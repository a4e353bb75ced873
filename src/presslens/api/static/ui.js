/* presslens web UI: check that the analyse form has exactly one input before sending. */
(function () {
  "use strict";
  var form = document.getElementById("analyze-form");
  if (!form) { return; }
  var message = document.getElementById("form-error");
  form.addEventListener("submit", function (ev) {
    var given = ["text", "url"].filter(function (name) {
      return form.elements[name].value.trim() !== "";
    }).length + (form.elements.file.files.length ? 1 : 0);
    if (given !== 1) {
      ev.preventDefault();
      message.textContent = given ? "Give only one of text, URL or file." : "Give a text, a URL or a file.";
      message.hidden = false;
    }
  });
})();
