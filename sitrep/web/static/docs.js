// /docs: Swagger UI from the local copy (static/vendor/swagger-ui), started here rather than in an inline
// script so the page keeps the server's Content-Security-Policy (no inline scripts).
window.SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
