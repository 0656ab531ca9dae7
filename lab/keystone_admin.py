"""Keystone v3 calls with the lab's admin credentials, shared by lab/users.py (DIMINET's lab accounts)
and tempest/lab_accounts.py (Tempest's): a token, and "make it unless it is there"."""
import json
import urllib.request


class KeystoneAdmin:
    def __init__(self, url, admin, password, project):
        self.url = url.rstrip("/")
        self.token = None
        self.token = self._admin_token(admin, password, project)

    def call(self, method, path, body=None):
        request = urllib.request.Request(self.url + path, method=method,
                                         data=None if body is None else json.dumps(body).encode())
        request.add_header("Content-Type", "application/json")
        if self.token:
            request.add_header("X-Auth-Token", self.token)
        with urllib.request.urlopen(request, timeout=20) as answer:
            text = answer.read()
            return answer.headers, (json.loads(text) if text else None)

    def _admin_token(self, admin, password, project):
        headers, _ = self.call("POST", "/auth/tokens", {"auth": {
            "identity": {"methods": ["password"], "password": {"user": {
                "name": admin, "domain": {"id": "default"}, "password": password}}},
            "scope": {"project": {"name": project, "domain": {"id": "default"}}}}})
        return headers["X-Subject-Token"]

    def ensure(self, kind, plural, name, body):
        """The id of the {kind} named {name}, made with {body} if there is none (so a rerun changes nothing)."""
        _, found = self.call("GET", f"/{plural}?name={name}")
        if found[plural]:
            return found[plural][0]["id"]
        _, made = self.call("POST", f"/{plural}", {kind: body})
        return made[kind]["id"]

    def role_ids(self):
        return {r["name"]: r["id"] for r in self.call("GET", "/roles")[1]["roles"]}
