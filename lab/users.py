#!/usr/bin/env python3
"""Makes the lab's users and projects for DIMINET, idempotently (run by lab/up, also on a lab already up).

- one service user per region, diminet-<Region>, admin in project "service": each DIMINET site is its own
  user, so a peer's token tells which region it is (and admin lets it create networks for users' projects);
- two ordinary users in two projects, alice (project-a) and bob (project-b), role member, for the
  project-isolation tests.
Prints the env lines to append to lab/.state/env.
"""
import sys
import urllib.error

from keystone_admin import KeystoneAdmin

KS, ADMIN, ADMIN_PASSWORD, ADMIN_PROJECT, REGIONS = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:]
SERVICE_PASSWORD = "diminet-password"
USER_PASSWORD = "password"


def main():
    keystone = KeystoneAdmin(KS, ADMIN, ADMIN_PASSWORD, ADMIN_PROJECT)
    role = keystone.role_ids()
    if "member" not in role:
        role["member"] = keystone.ensure("role", "roles", "member", {"name": "member"})
    projects = {}
    for name in ["service", "project-a", "project-b"]:
        projects[name] = keystone.ensure("project", "projects", name,
                                         {"name": name, "domain_id": "default", "description": "DIMINET lab"})
    users = [(f"diminet-{r}", SERVICE_PASSWORD, "service", "admin") for r in REGIONS]
    users += [("alice", USER_PASSWORD, "project-a", "member"), ("bob", USER_PASSWORD, "project-b", "member")]
    for name, password, project, role_name in users:
        user = keystone.ensure("user", "users", name, {"name": name, "password": password, "domain_id": "default",
                                                        "default_project_id": projects[project]})
        keystone.call("PUT", f"/projects/{projects[project]}/users/{user}/roles/{role[role_name]}")
    print(f"DIMINET_PASSWORD={SERVICE_PASSWORD}")
    print(f"LAB_USER_PASSWORD={USER_PASSWORD}")
    print(f"LAB_PROJECT_A_ID={projects['project-a']}")
    print(f"LAB_PROJECT_B_ID={projects['project-b']}")


if __name__ == "__main__":
    try:
        main()
    except urllib.error.HTTPError as e:
        sys.exit(f"lab/users.py: {e.code} {e.reason}: {e.read().decode(errors='replace')}")
