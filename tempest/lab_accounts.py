#!/usr/bin/python3
"""Makes, idempotently, the two lab accounts Tempest uses, with the lab's admin credentials:

- user "tempest", role member in project "tempest" (Tempest's ordinary account);
- user "tempest-admin", role admin in project "tempest-admin" (its admin account).

Their own projects keep what Tempest creates apart from the projects DIMINET's lab tests use.
Usage: lab_accounts.py KEYSTONE_V3_URL ADMIN_USER ADMIN_PASSWORD ADMIN_PROJECT; prints the password.
"""
import json
import sys
import urllib.error
import urllib.request

KS, ADMIN, ADMIN_PASSWORD, ADMIN_PROJECT = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3], sys.argv[4]
PASSWORD = "tempest-password"  # a loopback lab's throw-away accounts, like lab/users.py's
ACCOUNTS = [("tempest", "tempest", "member"), ("tempest-admin", "tempest-admin", "admin")]


def call(method, path, token=None, body=None):
    request = urllib.request.Request(KS + path, method=method,
                                     data=None if body is None else json.dumps(body).encode())
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("X-Auth-Token", token)
    with urllib.request.urlopen(request, timeout=20) as answer:
        text = answer.read()
        return answer.headers, (json.loads(text) if text else None)


def admin_token():
    headers, _ = call("POST", "/auth/tokens", body={"auth": {
        "identity": {"methods": ["password"], "password": {"user": {
            "name": ADMIN, "domain": {"id": "default"}, "password": ADMIN_PASSWORD}}},
        "scope": {"project": {"name": ADMIN_PROJECT, "domain": {"id": "default"}}}}})
    return headers["X-Subject-Token"]


def ensure(kind, plural, name, body, token):
    _, found = call("GET", f"/{plural}?name={name}", token)
    if found[plural]:
        return found[plural][0]["id"]
    _, made = call("POST", f"/{plural}", token, {kind: body})
    return made[kind]["id"]


def main():
    token = admin_token()
    roles = {r["name"]: r["id"] for r in call("GET", "/roles", token)[1]["roles"]}
    for user_name, project_name, role in ACCOUNTS:
        project = ensure("project", "projects", project_name,
                         {"name": project_name, "domain_id": "default", "description": "Tempest (tempest/run)"}, token)
        user = ensure("user", "users", user_name, {"name": user_name, "password": PASSWORD, "domain_id": "default",
                                                   "default_project_id": project}, token)
        # The password too, in case an earlier run left the user with another one.
        call("PATCH", f"/users/{user}", token, {"user": {"password": PASSWORD}})
        call("PUT", f"/projects/{project}/users/{user}/roles/{roles[role]}", token)
    print(PASSWORD)


if __name__ == "__main__":
    try:
        main()
    except urllib.error.HTTPError as e:
        sys.exit(f"tempest/lab_accounts.py: {e.code} {e.reason}: {e.read().decode(errors='replace')}")
    except (urllib.error.URLError, OSError) as e:
        sys.exit(f"tempest/lab_accounts.py: Keystone at {KS} does not answer: {e}")
