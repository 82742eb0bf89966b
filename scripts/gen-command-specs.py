#!/usr/bin/env python3
"""Generate Redline's command declarations from a running redis-server 7.0.

Talks RESP2 over a raw socket (stdlib only), runs COMMAND INFO and COMMAND DOCS
for every command named in a list file, and writes
src/main/resources/commands/<group>.json, one JSON object per group mapping the
lower-case command name to its declaration.

Only facts are kept (arity, flags, ACL categories, key positions, tips, key
specs, since/group/complexity, doc flags, deprecation). Redis's prose (summary,
history, argument descriptions) is deliberately NOT copied. The one exception
is the "notes" field of a key spec: it is part of the COMMAND INFO reply and is
kept so that Redline can reproduce COMMAND INFO byte for byte.

Usage:
  scripts/gen-command-specs.py [--host H] [--port P] [--out DIR] [--replace]
                               [LIST_FILE ...]

LIST_FILE defaults to scripts/commands-core.txt. One command per line, '#'
starts a comment. Subcommands are written with a pipe: "config|get". A
subcommand line implies its parent container; the container's declaration
gets a "subcommands" object holding only the listed subcommands.

By default existing group files are merged (entries for the listed commands are
replaced, other entries are kept); --replace rewrites the group files from
scratch with only the listed commands.
"""

import argparse
import json
import os
import socket
import sys

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


# --------------------------------------------------------------------------
# Minimal RESP2 client
# --------------------------------------------------------------------------

class RespError(Exception):
    pass


class Resp2Client:
    def __init__(self, host, port, timeout=10.0):
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.rfile = self.sock.makefile("rb")

    def close(self):
        try:
            self.rfile.close()
        finally:
            self.sock.close()

    def call(self, *args):
        out = [b"*%d\r\n" % len(args)]
        for a in args:
            if isinstance(a, str):
                a = a.encode("utf-8")
            elif isinstance(a, int):
                a = str(a).encode("ascii")
            out.append(b"$%d\r\n%s\r\n" % (len(a), a))
        self.sock.sendall(b"".join(out))
        reply = self._read()
        if isinstance(reply, RespError):
            raise reply
        return reply

    def _line(self):
        line = self.rfile.readline()
        if not line.endswith(b"\r\n"):
            raise ConnectionError("connection closed or malformed reply")
        return line[:-2]

    def _read(self):
        line = self._line()
        kind, rest = line[:1], line[1:]
        if kind == b"+":
            return rest.decode("utf-8")
        if kind == b"-":
            return RespError(rest.decode("utf-8"))
        if kind == b":":
            return int(rest)
        if kind == b"$":
            n = int(rest)
            if n < 0:
                return None
            data = self.rfile.read(n + 2)
            if len(data) != n + 2:
                raise ConnectionError("short bulk read")
            return data[:-2].decode("utf-8")
        if kind == b"*":
            n = int(rest)
            if n < 0:
                return None
            return [self._read() for _ in range(n)]
        raise ConnectionError("unexpected RESP2 type byte %r" % kind)


# --------------------------------------------------------------------------
# Conversion of RESP2 replies to JSON-friendly structures
# --------------------------------------------------------------------------

def pairs(flat):
    """RESP2 flat [k1, v1, k2, v2, ...] -> list of (k, v), order preserved."""
    if flat is None:
        return []
    if not isinstance(flat, list) or len(flat) % 2:
        raise ValueError("expected a flat key/value array, got %r" % (flat,))
    return [(flat[i], flat[i + 1]) for i in range(0, len(flat), 2)]


def spec_map(flat):
    """begin_search / find_keys: {"type": ..., "spec": {...}}."""
    out = {}
    for k, v in pairs(flat):
        out[k] = dict(pairs(v)) if k == "spec" else v
    return out


def key_spec(flat):
    """One key spec: notes?, flags, begin_search, find_keys (order as given)."""
    out = {}
    for k, v in pairs(flat):
        if k in ("begin_search", "find_keys"):
            out[k] = spec_map(v)
        else:
            out[k] = v  # notes (string), flags (list of strings)
    return out


def info_declaration(info):
    """COMMAND INFO entry -> ordered dict of the INFO half of a declaration."""
    # [name, arity, flags, first_key, last_key, key_step, acl_categories,
    #  tips, key_specs, subcommands]
    return {
        "arity": info[1],
        "flags": list(info[2]),
        "acl_categories": list(info[6]),
        "first_key": info[3],
        "last_key": info[4],
        "key_step": info[5],
        "tips": list(info[7]),
        "key_specs": [key_spec(ks) for ks in info[8]],
    }


def docs_declaration(docs):
    """COMMAND DOCS map -> the factual DOCS half (no prose)."""
    d = dict(pairs(docs))
    return {
        "since": d.get("since"),
        "group": d.get("group"),
        "complexity": d.get("complexity"),
        "doc_flags": list(d.get("doc_flags") or []),
        "deprecated_since": d.get("deprecated_since"),
        "replaced_by": d.get("replaced_by"),
    }


# --------------------------------------------------------------------------
# Fetching
# --------------------------------------------------------------------------

def read_list(paths):
    names = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for raw in f:
                line = raw.split("#", 1)[0].strip().lower()
                if line and line not in names:
                    names.append(line)
    return names


def fetch(client, name):
    """Return the declaration for one (sub)command, or None if unknown."""
    info = client.call("COMMAND", "INFO", name)
    if not info or info[0] is None:
        return None
    docs = client.call("COMMAND", "DOCS", name)
    if not docs:
        return None
    docs_by_name = dict(pairs(docs))
    doc = docs_by_name.get(name)
    if doc is None:  # name in the reply may differ in case
        doc = next(iter(docs_by_name.values()))
    decl = info_declaration(info[0])
    decl.update(docs_declaration(doc))
    return decl


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=6399)
    ap.add_argument("--out", default=os.path.join(
        REPO_ROOT, "src", "main", "resources", "commands"))
    ap.add_argument("--replace", action="store_true",
                    help="rewrite group files instead of merging into them")
    ap.add_argument("--group", default=None,
                    help="write every listed command into GROUP.json instead of "
                         "its Redis group's file (the declarations keep their "
                         "Redis group)")
    ap.add_argument("lists", nargs="*",
                    default=[os.path.join(REPO_ROOT, "scripts",
                                          "commands-core.txt")])
    args = ap.parse_args(argv)

    names = read_list(args.lists)
    # Parents in first-seen order, each with its listed subcommands.
    plan = {}
    for n in names:
        parent, _, _ = n.partition("|")
        subs = plan.setdefault(parent, [])
        if "|" in n and n not in subs:
            subs.append(n)

    client = Resp2Client(args.host, args.port)
    try:
        hello = client.call("INFO", "server")
        version = next((l.split(":", 1)[1].strip() for l in hello.splitlines()
                        if l.startswith("redis_version:")), "?")
        if not version.startswith("7.0."):
            print("warning: expected redis 7.0.x, server is %s" % version,
                  file=sys.stderr)

        groups = {}
        missing = []
        for parent, subs in plan.items():
            decl = fetch(client, parent)
            if decl is None:
                missing.append(parent)
                continue
            if subs:
                sub_decls = {}
                for s in sorted(subs):
                    sd = fetch(client, s)
                    if sd is None:
                        missing.append(s)
                        continue
                    sub_decls[s] = sd
                decl["subcommands"] = sub_decls
            groups.setdefault(args.group or decl["group"], {})[parent] = decl
    finally:
        client.close()

    os.makedirs(args.out, exist_ok=True)
    written = []
    for group in sorted(groups):
        path = os.path.join(args.out, group + ".json")
        merged = {}
        if not args.replace and os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                merged = json.load(f)
        merged.update(groups[group])
        merged = {k: merged[k] for k in sorted(merged)}
        with open(path, "w", encoding="utf-8") as f:
            json.dump(merged, f, indent=2, ensure_ascii=False)
            f.write("\n")
        written.append(path)

    for p in written:
        print("wrote %s" % os.path.relpath(p, REPO_ROOT))
    for m in missing:
        print("warning: %s unknown to redis %s, skipped" % (m, version),
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
