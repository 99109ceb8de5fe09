"""Tellody's three documented Python samples, run verbatim, in order, against a base URL (argv[1]).

Each sample below is the code from Tellody's API pages exactly as published (Login, Get Balance,
Contacts Report); only the host is swapped for the sandbox's at run time. The Login sample asks
for a username, password and "stay logged in" with input(): the answers come from argv[2:].
The Contacts Report page's sample is cut short in the copy we have; it is written from that
page's documented request in the same style as its sibling pages (ping, header, JSON body).

Uses `requests` when the machine has it, as the docs do; otherwise a stand-in with the same
calls (Session with a cookie jar, get/post with headers, form and JSON bodies, .json())."""
import json
import sys
import types

DOCS_BASE = "https://app.tellody.com/CampaignCloud/"

LOGIN = r'''
import requests
import json
username = input("Plase enter your username :>")
password = input("PLease enter your password :>")
stay_logged = (input("Do you want to stay logged in? Y/N :>").lower() == "y")
#Creating a new session object to hold cookies, headers etc
my_session = requests.Session()

#Retrieving the XSRF Token needed for Login
pingResponse = my_session.get("https://app.tellody.com/CampaignCloud/RememberMeController/ping")

#Import the X-XSRF-Token returned from RememberMeController/ping into the login headers
xsrfToken = pingResponse.headers.get("X-XSRF-TOKEN")
loginHeaders = {"X-XSRF-TOKEN" : xsrfToken}

param = {"username" : username, "password" : password, "remember-me" : stay_logged}
#Sending a login request
print(my_session.post("https://app.tellody.com/CampaignCloud/login", data = param, headers = loginHeaders).json())
'''

GET_BALANCE = r'''
#creating session
my_session = requests.Session()

#Retrieving the XSRF Token needed for Session
pingResponse = my_session.get("https://app.tellody.com/CampaignCloud/RememberMeController/ping")

#Import the X-XSRF-Token returned from RememberMeController/ping into the request headers
xsrfToken = pingResponse.headers.get("X-XSRF-TOKEN")
requestHeaders = {"X-XSRF-TOKEN" : xsrfToken}

#Sending a login request and retrieving user information
param = {"username" : username, "password" : password, "remember-me" : stay_logged}
my_session.post("https://app.tellody.com/CampaignCloud/login", data = param, headers = requestHeaders)
print("\nRetrieving user info...")
response = my_session.get("https://app.tellody.com/CampaignCloud/UserInfo").json()
print(json.dumps(response,ensure_ascii=False))
'''

CONTACTS_REPORT = r'''
#Retrieving the XSRF Token needed for Session
pingResponse = my_session.get("https://app.tellody.com/CampaignCloud/RememberMeController/ping")

#Import the X-XSRF-Token returned from RememberMeController/ping into the request headers
xsrfToken = pingResponse.headers.get("X-XSRF-TOKEN")

#HTTP request header
header = {"Content-Type" : "application/json", "X-XSRF-TOKEN" : xsrfToken}
data={"from":1437426000000,"to":1437512399999,"unit":"hour","window":"day","dow":0}
url="https://app.tellody.com/CampaignCloud/Report/ContactChart"
response = my_session.post(url, headers=header, json=data).json()
print(json.dumps(response,ensure_ascii=False))
'''


def requests_module():
    try:
        import requests  # noqa: F401

        return None
    except ImportError:  # pragma: no cover - depends on the machine
        pass
    import http.cookiejar
    import urllib.error
    import urllib.parse
    import urllib.request

    class Response:
        def __init__(self, raw):
            self.status_code = raw.status
            self.headers = raw.headers
            self.text = raw.read().decode()

        def json(self):
            return json.loads(self.text)

    class Session:
        def __init__(self):
            handler = urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
            self._opener = urllib.request.build_opener(handler)

        def _send(self, method, url, body, headers):
            request = urllib.request.Request(url, data=body, headers=dict(headers or {}), method=method)
            try:
                return Response(self._opener.open(request))
            except urllib.error.HTTPError as error:  # requests answers 4xx/5xx without raising
                return Response(error)

        def get(self, url, headers=None):
            return self._send("GET", url, None, headers)

        def post(self, url, data=None, json=None, headers=None):
            headers = dict(headers or {})
            if data is not None:
                headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
                return self._send("POST", url, urllib.parse.urlencode(data).encode(), headers)
            headers.setdefault("Content-Type", "application/json")
            return self._send("POST", url, __import__("json").dumps(json).encode(), headers)

    module = types.ModuleType("requests")
    module.Session = Session
    return module


stand_in = requests_module()
if stand_in is not None:
    sys.modules["requests"] = stand_in

answers = iter(sys.argv[2:] or ["demo", "demo", "n"])
namespace = {"input": lambda prompt="": next(answers), "__name__": "__tellody_sample__"}
for name, sample in (("Login", LOGIN), ("Get Balance", GET_BALANCE), ("Contacts Report", CONTACTS_REPORT)):
    print(f"### {name}")
    sys.stdout.flush()
    exec(sample.replace(DOCS_BASE, sys.argv[1]), namespace)
