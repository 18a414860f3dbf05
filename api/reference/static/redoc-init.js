// The ReDoc reference of Mailplane's OpenAPI document, every asset from this server.
window.addEventListener("load", function () {
  var root = document.getElementById("redoc");
  Redoc.init(root.dataset.openapiUrl, {
    hideDownloadButton: false,
    expandResponses: "200,201,202",
    jsonSampleExpandLevel: 3,
  }, root);
});
