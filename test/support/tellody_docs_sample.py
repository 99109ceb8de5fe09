"""The flow of Tellody's documented Python samples, run against a base URL given as argv[1].

Uses `requests` when the machine has it, as the docs do; otherwise a stand-in Session from the
standard library with the same calls (cookie jar, headers, form and JSON bodies)."""
import json
import sys

try:
    import requests

    Session = requests.Session
except ImportError:  # pragma: no cover - depends on the machine
    import http.cookiejar
    import urllib.parse
    import urllib.request

    class _Response:
        def __init__(self, raw):
            self.status_code = raw.status
            self.headers = raw.headers
            self.text = raw.read().decode()

        def json(self):
            return json.loads(self.text)

    class Session:
        def __init__(self):
            self._opener = urllib.request.build_opener(
                urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
            )

        def _send(self, method, url, body, headers):
            request = urllib.request.Request(url, data=body, headers=headers or {}, method=method)
            return _Response(self._opener.open(request))

        def get(self, url, headers=None):
            return self._send("GET", url, None, headers)

        def post(self, url, data=None, json=None, headers=None):
            headers = dict(headers or {})
            if json is not None:
                headers["Content-Type"] = "application/json"
                return self._send("POST", url, __import__("json").dumps(json).encode(), headers)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            return self._send("POST", url, urllib.parse.urlencode(data).encode(), headers)


base = sys.argv[1]
session = Session()

token = session.get(base + "RememberMeController/ping").headers["X-XSRF-TOKEN"]
login = session.post(
    base + "login",
    data={"username": "demo", "password": "demo", "remember-me": "false"},
    headers={"X-XSRF-TOKEN": token},
)

token = session.get(base + "RememberMeController/ping").headers["X-XSRF-TOKEN"]
chart = session.post(
    base + "Report/ContactChart",
    json={"from": 1437426000000, "to": 1437512399999, "unit": "hour", "window": "day", "dow": 0},
    headers={"X-XSRF-TOKEN": token, "Content-Type": "application/json"},
)

token = session.get(base + "RememberMeController/ping").headers["X-XSRF-TOKEN"]
user = session.get(base + "UserInfo", headers={"X-XSRF-TOKEN": token})

print(json.dumps({"login": login.json(), "chart": chart.json(), "user": user.json()}))
