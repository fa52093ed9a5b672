#!/usr/bin/python3
"""Driver of .ci/jupyterhub-smoke.sh: acts on a running JupyterHub through its REST API only.

For every user, at the same time: start the user's server through the hub (admin token), upload the
notebook through the contents API (optional), start a kernel for it through the sessions API, run
every code cell over the kernel websocket (through the hub's proxy, as a browser would), then run one
probe cell that asks the library where its cache is and writes an entry. Afterwards, as root, look at
the file system: where each user's cache went, and whether a user wrote anything into the install.
Exit status 0 only if every cell of both runs finished with status "ok" and no error message.

Uses Debian's Python and the tornado that jupyterhub depends on; nothing to install.
"""
import argparse
import asyncio
import datetime
import json
import os
import pwd
import sys
import time
import uuid
from urllib.parse import quote

from tornado.httpclient import AsyncHTTPClient, HTTPClientError, HTTPRequest
from tornado.websocket import websocket_connect

CELL_TIMEOUT = 300  # seconds for one cell (the first import type-checks the library)
PROBE_MARK = 'RETARGET_LAB_SMOKE_CACHE '
# Asks the library itself where its cache is and writes one entry, without depending on a
# particular export beyond the documented cache functions (absent ones are reported as null).
PROBE_CELL = '''
import * as smokeLab from "retarget-lab";
import * as smokeOs from "os";
const smokeApi = smokeLab as unknown as Record<string, unknown>;
const smokeRoot = typeof smokeApi.cacheRoot === "function" ? (smokeApi.cacheRoot as () => string | null)() : null;
const smokeWritten = typeof smokeApi.writeCache === "function"
  ? (smokeApi.writeCache as (k: string, key: string, v: unknown) => string | null)("smoke/jupyterhub", "probe", { user: smokeOs.userInfo().username })
  : null;
console.log("%s" + JSON.stringify({ root: smokeRoot, written: smokeWritten, home: smokeOs.homedir(), cwd: process.cwd() }));
''' % PROBE_MARK


def log(user, msg):
    print(f'[{time.strftime("%H:%M:%S")}] {user or "hub"}: {msg}', flush=True)


class Fail(Exception):
    pass


class Hub:
    def __init__(self, url, token, pid):
        self.url = url.rstrip('/')
        self.pid = pid
        self.token = token
        self.http = AsyncHTTPClient()

    async def call(self, method, path, body=None, ok=(200, 201, 202, 204)):
        """`path` is relative to the hub's public URL (e.g. /hub/api/users). Returns (code, json|None)."""
        req = HTTPRequest(self.url + path, method=method,
                          headers={'Authorization': f'token {self.token}', 'Content-Type': 'application/json'},
                          body=None if body is None and method in ('GET', 'DELETE') else json.dumps(body or {}),
                          request_timeout=120, follow_redirects=False)
        try:
            resp = await self.http.fetch(req)
            code, text = resp.code, resp.body
        except HTTPClientError as err:
            code, text = err.code, (err.response.body if err.response is not None else b'')
        if code not in ok:
            raise Fail(f'{method} {path} answered {code}: {text[:500].decode(errors="replace")}')
        return code, (json.loads(text) if text else None)

    async def wait_up(self, seconds=60):
        deadline = time.monotonic() + seconds
        while True:
            try:
                _, info = await self.call('GET', '/hub/api/')
                return info
            except Exception as err:  # connection refused while the hub starts
                try:
                    os.kill(self.pid, 0)
                except ProcessLookupError:
                    raise Fail('the hub exited while starting (see its log below)') from None
                if time.monotonic() > deadline:
                    raise Fail(f'the hub did not answer within {seconds} s ({err})')
                await asyncio.sleep(0.3)


async def start_server(hub, user):
    await hub.call('POST', f'/hub/api/users/{user}', ok=(201, 409))  # 409: already known
    await hub.call('POST', f'/hub/api/users/{user}/server', ok=(201, 202, 400))  # 400: already running
    deadline = time.monotonic() + 120
    while True:
        _, model = await hub.call('GET', f'/hub/api/users/{user}')
        server = (model.get('servers') or {}).get('')
        if server and server.get('ready'):
            return f"/user/{quote(user)}/"
        if not server and model.get('pending') is None:
            raise Fail(f'the server of {user} stopped while starting (see the hub log)')
        if time.monotonic() > deadline:
            raise Fail(f'the server of {user} was not ready within 120 s')
        await asyncio.sleep(0.3)


async def stop_server(hub, user):
    await hub.call('DELETE', f'/hub/api/users/{user}/server', ok=(202, 204, 400))
    for _ in range(100):
        _, model = await hub.call('GET', f'/hub/api/users/{user}')
        if not model.get('servers') and model.get('pending') is None:
            return
        await asyncio.sleep(0.2)


def message(msg_type, content, session):
    return {
        'header': {'msg_id': uuid.uuid4().hex, 'msg_type': msg_type, 'session': session, 'username': 'smoke',
                   'version': '5.3', 'date': datetime.datetime.now(datetime.timezone.utc).isoformat()},
        'parent_header': {}, 'metadata': {}, 'content': content, 'channel': 'shell', 'buffers': [],
    }


class KernelSocket:
    def __init__(self, conn, session):
        self.conn = conn
        self.session = session

    async def request(self, msg_type, content, timeout):
        """Sends a shell request; collects iopub messages of it until idle and the shell reply."""
        msg = message(msg_type, content, self.session)
        msg_id = msg['header']['msg_id']
        await self.conn.write_message(json.dumps(msg))
        reply, idle, iopub = None, False, []
        deadline = time.monotonic() + timeout
        while reply is None or (msg_type == 'execute_request' and not idle):
            left = deadline - time.monotonic()
            if left <= 0:
                raise asyncio.TimeoutError()
            raw = await asyncio.wait_for(self.conn.read_message(), left)
            if raw is None:
                raise Fail('the kernel websocket closed')
            if isinstance(raw, bytes):
                continue  # binary frames carry buffers; tslab sends none
            got = json.loads(raw)
            if got.get('parent_header', {}).get('msg_id') != msg_id:
                continue
            if got['channel'] == 'shell':
                reply = got
            elif got['channel'] == 'iopub':
                if got['msg_type'] == 'status' and got['content'].get('execution_state') == 'idle':
                    idle = True
                elif got['msg_type'] != 'status':
                    iopub.append(got)
        return reply, iopub


async def run_notebook(hub, user, base, args, barrier):
    """Runs every code cell of the notebook as `user`; returns a result dict."""
    result = {'user': user, 'cells': 0, 'ok': 0, 'errors': [], 'charts': 0, 'probe': None, 'first_cell_s': None}
    nb_path = args.notebook_path
    api_path = '/'.join(quote(part) for part in nb_path.split('/'))
    if args.upload == 'yes':
        with open(args.notebook, encoding='utf-8') as f:
            nb = json.load(f)
        folder = '/'.join(quote(p) for p in nb_path.split('/')[:-1])
        if folder:
            await hub.call('PUT', f'{base}api/contents/{folder}', {'type': 'directory'}, ok=(200, 201))
        await hub.call('PUT', f'{base}api/contents/{api_path}', {'type': 'notebook', 'format': 'json', 'content': nb},
                       ok=(200, 201))
        log(user, f'uploaded the notebook to "{nb_path}" in their home (contents API)')
    _, model = await hub.call('GET', f'{base}api/contents/{api_path}?content=1')
    cells = [''.join(c['source']) if isinstance(c['source'], list) else c['source']
             for c in model['content']['cells'] if c['cell_type'] == 'code']
    result['path'] = model['path']
    _, sess = await hub.call('POST', f'{base}api/sessions', {
        'path': model['path'], 'type': 'notebook', 'name': model['name'], 'kernel': {'name': 'retarget-lab'}}, ok=(201,))
    kernel_id = sess['kernel']['id']
    result['kernel_id'] = kernel_id
    ws_url = hub.url.replace('http', 'ws', 1) + f'{base}api/kernels/{kernel_id}/channels?session_id={uuid.uuid4().hex}'
    conn = await websocket_connect(HTTPRequest(ws_url, headers={'Authorization': f'token {hub.token}'}),
                                   max_message_size=256 * 1024 * 1024)
    ks = KernelSocket(conn, uuid.uuid4().hex)
    try:
        t0 = time.monotonic()
        for _ in range(60):
            try:
                await ks.request('kernel_info_request', {}, timeout=3)
                break
            except asyncio.TimeoutError:
                continue
        else:
            raise Fail(f'the kernel of {user} did not answer kernel_info within 180 s')
        result['kernel_answer_s'] = round(time.monotonic() - t0, 1)
        log(user, f'kernel {kernel_id[:8]} answered kernel_info after {result["kernel_answer_s"]} s; waiting for the other user')
        await barrier.wait()  # both notebooks start together
        result['started'] = time.time()
        for i, code in enumerate(cells + [PROBE_CELL]):
            probe = i == len(cells)
            content = {'code': code, 'silent': False, 'store_history': True, 'user_expressions': {},
                       'allow_stdin': False, 'stop_on_error': True}
            cell_t0 = time.monotonic()
            try:
                reply, iopub = await ks.request('execute_request', content, CELL_TIMEOUT)
            except asyncio.TimeoutError:
                result['errors'].append(f'code cell {i + 1}: no reply within {CELL_TIMEOUT} s')
                break
            errs = [f"{m['content'].get('ename')}: {m['content'].get('evalue')}" for m in iopub if m['msg_type'] == 'error']
            stderr = ''.join(m['content']['text'] for m in iopub if m['msg_type'] == 'stream' and m['content']['name'] == 'stderr')
            stdout = ''.join(m['content']['text'] for m in iopub if m['msg_type'] == 'stream' and m['content']['name'] == 'stdout')
            status = reply['content'].get('status')
            if probe:
                line = next((l for l in stdout.splitlines() if l.startswith(PROBE_MARK)), None)
                result['probe'] = json.loads(line[len(PROBE_MARK):]) if line else {'error': (stderr or stdout)[:800]}
                continue
            result['cells'] += 1
            if i == 0:
                result['first_cell_s'] = round(time.monotonic() - cell_t0, 1)
            result['charts'] += sum(1 for m in iopub if m['msg_type'] in ('display_data', 'execute_result')
                                    and 'image/png' in m['content'].get('data', {}))
            if status == 'ok' and not errs:
                result['ok'] += 1
                continue
            first = (errs[0] if errs else '') or stderr.strip() or json.dumps(reply['content'])[:400]
            result['errors'].append(f'code cell {i + 1}: status {status}: {first[:1200]}')
            break  # the rest would only fail after it (tslab drops a failed cell's declarations)
        uid = pwd.getpwnam(user).pw_uid
        result['kernel_peak_mib'] = peak_rss_mib(uid, 'launch.cjs')
        result['server_peak_mib'] = peak_rss_mib(uid, 'jupyterhub-singleuser')
        result['seconds'] = round(time.time() - result['started'], 1)
        result['ended'] = time.time()
        result['total_cells'] = len(cells)
    finally:
        conn.close()
        await hub.call('DELETE', f"{base}api/sessions/{sess['id']}", ok=(204, 404))
    return result


def peak_rss_mib(uid, marker):
    """Peak resident memory (VmHWM, MiB) of the processes of `uid` whose command line contains `marker`."""
    peaks = []
    for pid in filter(str.isdigit, os.listdir('/proc')):
        try:
            if os.stat(f'/proc/{pid}').st_uid != uid:
                continue
            with open(f'/proc/{pid}/cmdline', 'rb') as f:
                if marker.encode() not in f.read():
                    continue
            with open(f'/proc/{pid}/status') as f:
                hwm = next((l for l in f if l.startswith('VmHWM:')), None)
            if hwm:
                peaks.append(int(hwm.split()[1]) / 1024)
        except OSError:
            continue
    return round(max(peaks)) if peaks else None


def inside(path, folder):
    try:
        return os.path.commonpath([os.path.realpath(path), os.path.realpath(folder)]) == os.path.realpath(folder)
    except ValueError:
        return False


def files_owned_by(folder, uid, skip=('node_modules', '.git')):
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if d not in skip]
        for name in dirnames + filenames:
            p = os.path.join(dirpath, name)
            try:
                if os.lstat(p).st_uid == uid:
                    found.append(p)
            except OSError:
                pass
    return found


def cache_report(r, install):
    """Where the user's cache went, judged from the file system (the driver runs as root)."""
    pw = pwd.getpwnam(r['user'])
    home = pw.pw_dir
    per_user = os.path.join(home, '.cache', 'retarget-lab')
    probe = r.get('probe') or {}
    written = probe.get('written')
    rep = {
        'home': home,
        'cache_root': probe.get('root'),
        'entry_written': written,
        'per_user_dir': per_user if os.path.isdir(per_user) else None,
        'per_user_dir_owned': os.path.isdir(per_user) and os.stat(per_user).st_uid == pw.pw_uid,
        'files_in_install': files_owned_by(install, pw.pw_uid),
    }
    rep['in_home'] = bool(rep['cache_root'] and inside(rep['cache_root'], home) and written and inside(written, home)
                          and os.path.isfile(written) and os.stat(written).st_uid == pw.pw_uid)
    rep['ok'] = rep['in_home'] and rep['per_user_dir_owned'] and not rep['files_in_install']
    return rep


async def per_user(hub, user, args, barrier):
    t0 = time.monotonic()
    base = await start_server(hub, user)
    log(user, f'server ready at {base} in {time.monotonic() - t0:.1f} s')
    try:
        return await run_notebook(hub, user, base, args, barrier)
    finally:
        await stop_server(hub, user)
        log(user, 'server stopped')


async def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--hub', required=True)
    ap.add_argument('--hub-pid', type=int, required=True)
    ap.add_argument('--token', required=True)
    ap.add_argument('--notebook', required=True, help='the notebook file to upload')
    ap.add_argument('--notebook-path', required=True, help="the notebook's path on each user's server")
    ap.add_argument('--upload', choices=('yes', 'no'), default='yes')
    ap.add_argument('--install', required=True, help='the installed package (nothing may be written there)')
    ap.add_argument('--work', required=True)
    ap.add_argument('--cache-check', choices=('report', 'strict'), default='report')
    ap.add_argument('users', nargs='+')
    args = ap.parse_args()

    hub = Hub(args.hub, args.token, args.hub_pid)
    info = await hub.wait_up()
    log(None, f"JupyterHub {info.get('version')} is up")
    barrier = asyncio.Barrier(len(args.users))
    outcomes = await asyncio.gather(*(per_user(hub, u, args, barrier) for u in args.users), return_exceptions=True)

    failed = False
    results = []
    for user, out in zip(args.users, outcomes):
        if isinstance(out, BaseException):
            failed = True
            print(f'FAIL {user}: {type(out).__name__}: {out}', file=sys.stderr)
            continue
        results.append(out)
    for r in results:
        ok = not r['errors'] and r['ok'] == r['total_cells']
        if args.upload == 'yes':  # the hand-out must be the user's own file in the user's home
            pw = pwd.getpwnam(r['user'])
            nb_file = os.path.join(pw.pw_dir, r['path'])
            if not (os.path.isfile(nb_file) and os.stat(nb_file).st_uid == pw.pw_uid):
                r['errors'].append(f'the uploaded notebook is not a file of {r["user"]} at {nb_file}')
                ok = False
        failed |= not ok
        print(f"{'ok  ' if ok else 'FAIL'} {r['user']}: {r['ok']}/{r['total_cells']} code cells ok, {r['charts']} PNG charts, "
              f"first cell (imports) {r['first_cell_s']} s, notebook {r['seconds']} s, peak memory kernel {r['kernel_peak_mib']} MiB / server {r['server_peak_mib']} MiB, "
              f"path \"{r['path']}\"")
        for e in r['errors']:
            print(f'     {e}')
            if 'Cannot find module' in e:
                print('     (the kernel did not find the library from the notebook\'s folder: until it finds it from its install '
                      'location, NOTEBOOK_PLACE=checkout runs the notebook inside the install)')
    if len(results) == len(args.users) > 1:
        overlap = min(r['ended'] for r in results) - max(r['started'] for r in results)
        print(f'both notebooks ran at the same time: {overlap:.1f} s of overlap' if overlap > 0 else
              'the notebooks did not overlap in time')
        failed |= overlap <= 0

    cache_ok = True
    for r in results:
        rep = cache_report(r, args.install)
        cache_ok &= rep['ok']
        print(f"cache {r['user']}: library cache root {rep['cache_root']!r}; probe entry {rep['entry_written']!r}; "
              f"~/.cache/retarget-lab {'exists' if rep['per_user_dir'] else 'absent'}"
              f"{' (owned by the user)' if rep['per_user_dir_owned'] else ''}; in own home: {'yes' if rep['in_home'] else 'no'}; "
              f"files the user wrote into the install: {len(rep['files_in_install'])}"
              + (f" (e.g. {rep['files_in_install'][0]})" if rep['files_in_install'] else ''))
        if r['probe'] and r['probe'].get('error'):
            print(f"     probe cell failed: {r['probe']['error']}")
    if not cache_ok:
        if args.cache_check == 'strict':
            print('FAIL cache: a user\'s cache is not in their own home (CACHE_CHECK=strict)')
            failed = True
        else:
            print('note cache: not every user\'s cache is in their own home; reported only (CACHE_CHECK=report; '
                  'set CACHE_CHECK=strict to fail on it)')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(asyncio.run(main()))
