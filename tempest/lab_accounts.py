#!/usr/bin/python3
"""Makes, idempotently, the two lab accounts Tempest uses, with the lab's admin credentials:

- user "tempest", role member in project "tempest" (Tempest's ordinary account);
- user "tempest-admin", role admin in project "tempest-admin" (its admin account).

Their own projects keep what Tempest creates apart from the projects DIMINET's lab tests use.
Usage: lab_accounts.py KEYSTONE_V3_URL ADMIN_USER ADMIN_PASSWORD ADMIN_PROJECT; prints the password.
"""
import os
import sys
import urllib.error

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lab"))
from keystone_admin import KeystoneAdmin  # noqa: E402  (lab/keystone_admin.py)

KS, ADMIN, ADMIN_PASSWORD, ADMIN_PROJECT = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3], sys.argv[4]
PASSWORD = "tempest-password"  # a loopback lab's throw-away accounts, like lab/users.py's
ACCOUNTS = [("tempest", "tempest", "member"), ("tempest-admin", "tempest-admin", "admin")]


def main():
    keystone = KeystoneAdmin(KS, ADMIN, ADMIN_PASSWORD, ADMIN_PROJECT)
    roles = keystone.role_ids()
    for user_name, project_name, role in ACCOUNTS:
        project = keystone.ensure("project", "projects", project_name,
                                  {"name": project_name, "domain_id": "default", "description": "Tempest (tempest/run)"})
        user = keystone.ensure("user", "users", user_name, {"name": user_name, "password": PASSWORD,
                                                            "domain_id": "default", "default_project_id": project})
        # The password too, in case an earlier run left the user with another one.
        keystone.call("PATCH", f"/users/{user}", {"user": {"password": PASSWORD}})
        keystone.call("PUT", f"/projects/{project}/users/{user}/roles/{roles[role]}")
    print(PASSWORD)


if __name__ == "__main__":
    try:
        main()
    except urllib.error.HTTPError as e:
        sys.exit(f"tempest/lab_accounts.py: {e.code} {e.reason}: {e.read().decode(errors='replace')}")
    except (urllib.error.URLError, OSError) as e:
        sys.exit(f"tempest/lab_accounts.py: Keystone at {KS} does not answer: {e}")
