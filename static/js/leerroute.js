/* Leerroute's few browser behaviours, as data attributes instead of inline scripts (the
   Content-Security-Policy allows scripts only from the product's own static files). Listeners sit
   on the document, so they also work for content htmx swaps in. */
(function () {
  "use strict";

  // <select data-autosubmit>: choosing an option submits its form.
  // <select data-navigate="?a=1&b=">: choosing an option goes to that address plus the value.
  document.addEventListener("change", function (event) {
    var field = event.target;
    if (!(field instanceof HTMLSelectElement)) return;
    if (field.hasAttribute("data-autosubmit") && field.form) {
      field.form.submit();
    } else if (field.hasAttribute("data-navigate")) {
      window.location.assign(field.getAttribute("data-navigate") + encodeURIComponent(field.value));
    }
  });

  // <form data-confirm="question">: submitted only after the user confirms.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form instanceof HTMLFormElement && form.hasAttribute("data-confirm")
        && !window.confirm(form.getAttribute("data-confirm"))) {
      event.preventDefault();
    }
  }, true);

  // <button data-print>: opens the print dialog.
  document.addEventListener("click", function (event) {
    var button = event.target instanceof Element ? event.target.closest("[data-print]") : null;
    if (button) {
      event.preventDefault();
      window.print();
    }
  });
})();
