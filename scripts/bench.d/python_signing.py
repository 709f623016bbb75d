"""The official Python SDK's own signing functions, timed on the parameters ecsh-bench signs.

Prints signatures per second for V3 (Utils.get_authorization, after hashing the empty payload as the
SDK does) and v1 (Utils.get_rpcsignature over the common + API parameters)."""
import hashlib
import time
from types import SimpleNamespace

from alibabacloud_tea_openapi.utils import Utils

API = {"RegionId": "cn-hangzhou", "ImageId": "m-bp18ygjuqnwhechc1234", "ImageName": "web-prod-v6",
       "Description": "golden image 2024-06", "Features.ImdsSupport": "v2", "DryRun": "false"}
N = 20000


def v3(i):
    headers = {"host": "ecs-cn-hangzhou.aliyuncs.com", "x-acs-action": "ModifyImageAttribute",
               "x-acs-version": "2014-05-26", "x-acs-date": "2024-01-02T03:04:05Z",
               "x-acs-signature-nonce": f"nonce-{i}", "x-acs-content-sha256": hashlib.sha256(b"").hexdigest()}
    request = SimpleNamespace(pathname="/", method="POST", query=dict(API), headers=headers)
    return Utils.get_authorization(request, "ACS3-HMAC-SHA256", headers["x-acs-content-sha256"], "testid", "testsecret")


def v1(i):
    params = dict(API, Format="JSON", Version="2014-05-26", AccessKeyId="testid", SignatureMethod="HMAC-SHA1",
                  Timestamp="2024-01-02T03:04:05Z", SignatureVersion="1.0", SignatureNonce=f"nonce-{i}",
                  Action="ModifyImageAttribute")
    return Utils.get_rpcsignature(params, "POST", "testsecret")


for name, fn in (("v3", v3), ("v1", v1)):
    fn(0)
    t = time.perf_counter()
    for i in range(N):
        fn(i)
    print(f"python-sdk {name} {N / (time.perf_counter() - t):.0f}")
