/* The students' survey page (/enquete/): a link handed out as /enquete/#ABCDE-FGHJK fills in the code.
   The part after "#" never leaves the browser, so the code is not in any server's log; it is removed
   from the address bar once read. */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var field = document.getElementById("id_code");
    var code = decodeURIComponent(window.location.hash.replace(/^#/, "")).trim();
    if (!field || !code || field.type === "hidden") return;
    if (/^[A-Za-z0-9 -]{8,40}$/.test(code)) field.value = code.toUpperCase();
    window.history.replaceState(null, "", window.location.pathname);
  });
})();
