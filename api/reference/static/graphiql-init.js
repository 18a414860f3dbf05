// GraphiQL against Mailplane's /graphql. Paste a bearer token into the headers editor:
// {"Authorization": "Bearer <token>"}.
window.addEventListener("load", function () {
  var root = document.getElementById("graphiql");
  var endpoint = root.dataset.endpoint;
  var fetcher = GraphiQL.createFetcher({ url: window.location.origin + endpoint });
  ReactDOM.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultEditorToolsVisibility: true,
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: true,
    }),
    root
  );
});
