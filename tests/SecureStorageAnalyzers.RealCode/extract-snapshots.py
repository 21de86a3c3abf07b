#!/usr/bin/env python3
"""Extracts each repository of a list (repositories.tsv format) at its pinned commit from fetched snapshots.

For machines without network to github.com, where a session's `fetch` tool brings a repository's snapshot as a bare git
directory under /work/.mirror/owner+name/repo (or repo/.git). A snapshot lacks files of 4 MiB and more, so a plain
`git archive | tar -x` can stop at a missing blob; this reads the tree instead and writes only the text files the check
reads (.cs, project files, Directory.Build.props, web*.config, and a few more text kinds) into DEST/owner+name. When a
snapshot lacks the pinned commit it takes the snapshot's HEAD and says so: record that commit in the list.

    tests/SecureStorageAnalyzers.RealCode/extract-snapshots.py LIST DEST [MIRROR]
"""
import os
import re
import shutil
import subprocess
import sys

KEEP = re.compile(r'\.(cs|csproj|xproj|props|targets|config|json|cshtml|razor|sln|asax|aspx|ascx|ashx|svc)$', re.I)


def git(gd, *args, **kw):
    return subprocess.run(['git', f'--git-dir={gd}', *args], capture_output=True, **kw)


def main():
    lst, dest = sys.argv[1], sys.argv[2]
    mirror = sys.argv[3] if len(sys.argv) > 3 else '/work/.mirror'
    for line in open(lst, encoding='utf-8').read().splitlines()[1:]:
        if not line.strip() or line.startswith('#'):
            continue
        repo, commit = line.split('\t')[:2]
        key = repo.replace('/', '+')
        gd = next((c for c in (f'{mirror}/{key}/repo/.git', f'{mirror}/{key}/repo')
                   if os.path.isdir(c) and git(c, 'rev-parse', 'HEAD').returncode == 0), None)
        if gd is None:
            print('no snapshot ', repo, '(fetch it first)')
            continue
        used = commit
        if git(gd, 'cat-file', '-e', commit + '^{commit}').returncode != 0:
            used = git(gd, 'rev-parse', 'HEAD', text=True).stdout.strip()
            print('NOT PINNED  ', repo, commit, '-> snapshot HEAD', used)
        items = []
        for entry in git(gd, 'ls-tree', '-r', '-z', used).stdout.split(b'\0'):
            if not entry:
                continue
            meta, path = entry.split(b'\t', 1)
            mode, kind, sha = meta.split()
            name = path.decode('utf-8', 'replace')
            if kind == b'blob' and mode != b'120000' and KEEP.search(name):
                items.append((sha.decode(), name))
        root = os.path.join(dest, key)
        shutil.rmtree(root, ignore_errors=True)
        os.makedirs(root)
        cat = subprocess.Popen(['git', f'--git-dir={gd}', 'cat-file', '--batch'], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        missing = 0
        for sha, name in items:
            cat.stdin.write((sha + '\n').encode())
            cat.stdin.flush()
            header = cat.stdout.readline().split()
            if len(header) < 3 or header[1] == b'missing':
                missing += 1
                continue
            data = cat.stdout.read(int(header[2]))
            cat.stdout.read(1)
            target = os.path.join(root, name)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, 'wb') as f:
                f.write(data)
        cat.stdin.close()
        cat.wait()
        print('extracted   ', repo, used, f'{len(items) - missing} files', f'({missing} missing)' if missing else '')


if __name__ == '__main__':
    main()
