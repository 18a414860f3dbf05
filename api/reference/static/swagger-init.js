// Swagger UI for Mailplane's OpenAPI document; no validator badge (it would call an
// external validator service), OAuth 2.0 with PKCE against this server.
window.addEventListener("load", function () {
  var root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: root.dataset.openapiUrl,
    dom_id: "#swagger-ui",
    validatorUrl: null,
    deepLinking: true,
    persistAuthorization: true,
    oauth2RedirectUrl: window.location.origin + root.dataset.oauth2RedirectUrl,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
  });
  window.ui.initOAuth({ usePkceWithAuthorizationCodeGrant: true });
});
