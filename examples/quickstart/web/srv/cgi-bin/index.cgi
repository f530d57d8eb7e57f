#!/bin/sh
# GET /: busybox httpd runs cgi-bin/index.cgi for a directory without an index.html. The page
# shows what the api (reached by its service name) answers: the worker's latest heartbeat.
status="$(wget -q -O- http://api:8080/cgi-bin/status)" || status='{"error": "the api did not answer"}'
cat <<PAGE
Content-Type: text/html

<!doctype html>
<html>
<head><meta charset="utf-8"><meta http-equiv="refresh" content="2"><title>jcompose quick start</title></head>
<body>
<h1>jcompose quick start</h1>
<p>This page comes from <b>web</b>, which asked <b>api</b>, which read what <b>worker</b> wrote
to their shared volume:</p>
<pre>$status</pre>
<p>Three images built FROM scratch out of the host's busybox-static, running on jcompose's bundled
engine. Take it down with
<code>./jcompose --engine bundled -f examples/quickstart/compose.yaml down -v --rmi local</code>.</p>
</body>
</html>
PAGE
