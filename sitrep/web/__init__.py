"""The dashboard: index.html and static/ (the team's HTML, JavaScript and CSS, the district polygons), and
``vendor`` — the third-party libraries the package build fetches into static/vendor/."""
