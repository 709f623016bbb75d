"""The ecs module at scale (issue 5), against the official Python SDK in the same run. Nothing is asserted.

Usage: python lua_bulk.py ECSH WORKDIR [ECSH_BENCH]   (run by scripts/bench.d/lua-bulk.sh, in the venv that has the SDK)
  (a) 300 ModifyImageAttribute at the quota: emulator --latency 100 --rate 100/6, ecsh --rate 100/6 with
      ecs.parallel, against the SDK in a serial loop; each client gets a fresh emulator (a full bucket).
  (b) 3,000 DescribeImages on an unthrottled emulator: CPU per request (ecsh: the whole process, from
      wait4; the SDK: its loop only, time.process_time) and throughput; then the floors under ecsh's figure,
      each a share of the SDK's CPU: the async-http-client transport alone and the whole Swift client alone
      (ecsh-bench transport-floor, no Lua), and decoding one answer into Lua tables (no request).
  (c) ecs.images over 10,000 images (an emulator store made by cloning a demo image in SQLite) against
      the SDK paging loop; ecsh's peak RSS (its own VmHWM) at 1,000 and 10,000 images, to show whether it grows.
"""
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

from alibabacloud_ecs20140526 import models as ecs_models
from alibabacloud_ecs20140526.client import Client
from alibabacloud_tea_openapi import models as openapi
from Tea.exceptions import TeaException

ECSH, WORK = sys.argv[1], sys.argv[2]
ECSH_BENCH = sys.argv[3] if len(sys.argv) > 3 else None
HELPER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "lua_bulk.lua")
KEYS = {"ALIBABA_CLOUD_ACCESS_KEY_ID": "demo-full-access", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "demo-full-secret"}
REGION = "cn-hangzhou"


class Server:
    """`ecsh serve --port 0 ARGS`, up until stop()."""

    def __init__(self, *args):
        self.proc = subprocess.Popen([ECSH, "serve", "--port", "0", *args], stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, text=True)
        line = self.proc.stdout.readline().strip()
        if not line.startswith("listening on http://"):
            raise SystemExit(f"lua-bulk: ecsh serve said {line!r}")
        self.url = line[len("listening on "):]
        self.host = self.url[len("http://"):]

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(timeout=30)


def sdk(server):
    return Client(openapi.Config(protocol="http", endpoint=server.host, region_id=REGION,
                                 access_key_id=KEYS["ALIBABA_CLOUD_ACCESS_KEY_ID"],
                                 access_key_secret=KEYS["ALIBABA_CLOUD_ACCESS_KEY_SECRET"]))


def run_ecsh(server, *args):
    """Runs `ecsh --endpoint URL ARGS`; returns (JSON it printed, wall s, CPU s of the whole process, peak RSS MiB, stderr)."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        proc = subprocess.Popen([ECSH, "--endpoint", server.url, *args], stdout=out, stderr=err,
                                env={**os.environ, **KEYS})
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        text, errors = out.read(), err.read()
        if proc.returncode != 0:
            raise SystemExit(f"lua-bulk: ecsh {' '.join(args[:3])} exited {proc.returncode}: {errors[-2000:]}")
        return json.loads(text.strip().splitlines()[-1]), wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, errors


def errors_text(errors):
    return ", ".join(f"{code} x{n}" for code, n in sorted(errors.items())) or "none"


def available_ids(client):
    body = client.describe_images(ecs_models.DescribeImagesRequest(
        region_id=REGION, image_owner_alias="self", status="Available", page_size=100)).body
    return [image.image_id for image in body.images.image]


def bulk_at_quota(count=300, quota=100, period=6):
    bound = (count - quota) * period / quota
    print(f"(a) {count} ModifyImageAttribute, emulator --latency 100 --rate {quota}/{period}; "
          f"lower bound ({count} - {quota}) * {period} / {quota} = {bound:.1f} s")
    server = Server("--latency", "100", "--rate", f"{quota}/{period}")
    ids = available_ids(sdk(server))  # DescribeImages has its own bucket: ModifyImageAttribute's stays full
    items = [ids[i % len(ids)] for i in range(count)]
    result, wall, _, _, log = run_ecsh(server, "--rate", f"{quota}/{period}", "--debug", HELPER, "modify", *items)
    server.stop()
    retried = log.count("code=Throttling.User")
    print(f"  ecsh ecs.parallel (concurrency 16, --rate {quota}/{period}): {wall:6.2f} s = {(wall / bound - 1) * 100:+.1f}% of "
          f"the bound; {result['ok']} ok; failed: {errors_text(result['errors'])}; Throttling.User answers (retried "
          f"included): {retried}")

    server = Server("--latency", "100", "--rate", f"{quota}/{period}")
    client, ok, errors = sdk(server), 0, {}
    start = time.perf_counter()
    for n, image_id in enumerate(items, 1):
        try:
            client.modify_image_attribute(ecs_models.ModifyImageAttributeRequest(
                region_id=REGION, image_id=image_id, description=f"bench run item {n}"))
            ok += 1
        except TeaException as e:
            errors[e.code] = errors.get(e.code, 0) + 1
    sdk_wall = time.perf_counter() - start
    server.stop()
    print(f"  Python SDK, serial loop:                  {sdk_wall:6.2f} s ({count / sdk_wall:.1f} req/s); {ok} ok; "
          f"failed: {errors_text(errors)}")
    print(f"  ratio: SDK time / ecsh time = {sdk_wall / wall:.2f}x")


def describe_unthrottled(count=3000):
    print(f"(b) {count} DescribeImages (ImageOwnerAlias=self, PageSize=10), emulator --rate off")
    server = Server("--rate", "off")
    result, wall, cpu, _, _ = run_ecsh(server, "--rate", "off", HELPER, "describe", str(count))
    client = sdk(server)
    start, cpu_start = time.perf_counter(), time.process_time()
    for _ in range(count):
        client.describe_images(ecs_models.DescribeImagesRequest(region_id=REGION, image_owner_alias="self", page_size=10))
    sdk_cpu, sdk_wall = time.process_time() - cpu_start, time.perf_counter() - start
    print(f"  ecsh ecs.parallel (concurrency 16): {wall:6.2f} s, {count / wall:7.1f} req/s, CPU {cpu * 1e6 / count:6.0f} us/request "
          f"(whole process, start-up included); {result['ok']} ok; failed: {errors_text(result['errors'])}")
    print(f"  Python SDK, serial loop:            {sdk_wall:6.2f} s, {count / sdk_wall:7.1f} req/s, CPU {sdk_cpu * 1e6 / count:6.0f} us/request (loop only)")
    print(f"  ratios: CPU per request ecsh/SDK = {cpu / sdk_cpu:.3f} (goal <= 0.1); throughput ecsh/SDK = "
          f"{(count / wall) / (count / sdk_wall):.2f}x (goal >= 3x)")
    sdk_us = sdk_cpu * 1e6 / count
    floors = []
    if ECSH_BENCH and os.access(ECSH_BENCH, os.X_OK):
        out = subprocess.run([ECSH_BENCH, "transport-floor", server.url, str(count)], capture_output=True, text=True, check=True)
        floor = json.loads(out.stdout.strip().splitlines()[-1])
        floors.append(f"signing + async-http-client transport alone {floor['transport_us']:.0f} us = {floor['transport_us'] / sdk_us:.3f}")
        floors.append(f"the whole Swift client alone {floor['client_us']:.0f} us = {floor['client_us'] / sdk_us:.3f}")
    decoded, _, _, _, _ = run_ecsh(server, "--rate", "off", HELPER, "decode", str(count))
    floors.append(f"decoding one answer ({decoded['bytes']} bytes) into Lua tables {decoded['us_per_decode']:.0f} us = "
                  f"{decoded['us_per_decode'] / sdk_us:.3f}")
    print("  floors, CPU per request as a share of the SDK's (same emulator, no Lua / no request): " + "; ".join(floors))
    server.stop()


def store_with(images):
    """An emulator SQLite store: the demo data plus clones of one of our images, up to `images` self-owned ones in the region."""
    path = os.path.join(WORK, f"lua-bulk-{images}.sqlite")
    if os.path.exists(path):
        os.remove(path)
    Server("--data", path).stop()  # seeds the demo data
    db = sqlite3.connect(path)
    template = next(json.loads(r) for (r,) in db.execute("SELECT record FROM images WHERE region_id = ?", (REGION,))
                    if '"ownerId":"1234567890123456"' in r and '"status":"Available"' in r and '"origin":"custom"' in r)
    have = sum(1 for (r,) in db.execute("SELECT record FROM images WHERE region_id = ?", (REGION,))
               if '"ownerId":"1234567890123456"' in r and '"status":"Available"' in r and '"origin":"custom"' in r)
    rows = []
    for n in range(max(0, images - have)):
        clone = dict(template, imageId=f"m-bp1bench{n:011d}", name=f"bench-image-{n:05d}", family="",
                     sharedWith={}, instanceCount=0, creationTime=template["creationTime"] + n)
        rows.append((REGION, clone["imageId"], json.dumps(clone, ensure_ascii=False, separators=(",", ":"))))
    db.executemany("INSERT INTO images(region_id, image_id, record) VALUES (?, ?, ?)", rows)
    db.commit()
    db.close()
    return path


def iterate(images=10_000):
    print(f"(c) every image we own in {REGION} (Available), PageSize 100: ecs.images against the SDK's paging loop")
    peaks = {}
    for size in (1_000, images):
        server = Server("--rate", "off", "--data", store_with(size))
        result, wall, cpu, _, _ = run_ecsh(server, "--rate", "off", HELPER, "iterate")
        peak = peaks[size] = result["peak_kib"] / 1024  # VmHWM read by ecsh itself (see lua_bulk.lua)
        if size == images:
            client, seen, page = sdk(server), 0, 1
            start = time.perf_counter()
            while True:
                body = client.describe_images(ecs_models.DescribeImagesRequest(
                    region_id=REGION, image_owner_alias="self", page_size=100, page_number=page)).body
                seen += len(body.images.image)
                if not body.images.image or seen >= body.total_count:
                    break
                page += 1
            sdk_wall = time.perf_counter() - start
            print(f"  ecsh ecs.images:          {result['ok']} images in {wall:6.2f} s ({wall * 1e6 / result['ok']:5.0f} us/image, "
                  f"CPU {cpu * 1e6 / result['ok']:4.0f} us/image), peak RSS {peak:.1f} MiB")
            print(f"  Python SDK paging loop:   {seen} images in {sdk_wall:6.2f} s ({sdk_wall * 1e6 / seen:5.0f} us/image)")
            print(f"  ratio: SDK time / ecsh time = {sdk_wall / wall:.2f}x")
        server.stop()
    small, large = sorted(peaks)
    print(f"  ecsh peak RSS: {peaks[small]:.1f} MiB at ~{small} images, {peaks[large]:.1f} MiB at ~{large} images "
          f"(ratio {peaks[large] / peaks[small]:.2f})")


if __name__ == "__main__":
    bulk_at_quota()
    describe_unthrottled()
    iterate()
