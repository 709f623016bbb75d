#!/usr/bin/env python3
"""Writes the fuzz corpus seeds under Tests/Fuzz/<Target>/corpus/ from the spec's examples.

Sources: the official SDK wire vectors and response examples in ../vectors/signatures.json
(/work/shared/vectors), and the rules of ../spec/modify-image-attribute.md (valid values and one
break of each rule). Run it again after the spec changes; the seeds are committed, so CI and a
fresh clone do not need /work/shared.
"""
import hashlib, json, os, sys

root = os.path.dirname(os.path.abspath(__file__))
shared = os.environ.get("ECSH_SHARED", "/work/shared")
vectors = json.load(open(os.path.join(shared, "vectors", "signatures.json")))


def write(target, name, data):
    if isinstance(data, str):
        data = data.encode()
    d = os.path.join(root, target, "corpus")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def lines(params):
    return "\n".join(f"{k}={v}" for k, v in params.items())


# Parameter sets: every vector's decoded parameters, then the spec's rules, one break each.
param_sets = []
for v in vectors["vectors"]:
    p = v.get("signed_params") or v.get("query") or {}
    p = {k: v for k, v in p.items() if k not in ("Signature",)}
    action = p.get("Action") or v.get("headers", {}).get("x-acs-action", "")
    param_sets.append((v["id"], action, p))

hz = {"RegionId": "cn-hangzhou"}
modify = dict(hz, ImageId="m-bp1g7004ksh0oeuc****")
spec_cases = {
    "mia-valid-all": ("ModifyImageAttribute", dict(modify, ImageName="web-prod_v2.1:a", Description="nightly build",
        ImageFamily="web-prod", Status="Deprecated", BootMode="UEFI-Preferred", LicenseType="BYOL",
        **{"Features.ImdsSupport": "v2", "Features.NvmeSupport": "supported", "DryRun": "True"})),
    "mia-missing-region": ("ModifyImageAttribute", {"ImageId": "m-1"}),
    "mia-missing-image": ("ModifyImageAttribute", dict(hz)),
    "mia-name-aliyun": ("ModifyImageAttribute", dict(modify, ImageName="AliyunImage")),
    "mia-name-http": ("ModifyImageAttribute", dict(modify, ImageName="ahttp://x")),
    "mia-name-chinese": ("ModifyImageAttribute", dict(modify, ImageName="测试镜像-image_01")),
    "mia-name-short": ("ModifyImageAttribute", dict(modify, ImageName="a")),
    "mia-name-long": ("ModifyImageAttribute", dict(modify, ImageName="a" * 129)),
    "mia-description-http": ("ModifyImageAttribute", dict(modify, Description="https://example.com")),
    "mia-family-acs": ("ModifyImageAttribute", dict(modify, ImageFamily="acs:family")),
    "mia-bootmode": ("ModifyImageAttribute", dict(modify, BootMode="Legacy")),
    "mia-license": ("ModifyImageAttribute", dict(modify, LicenseType="Auto")),
    "mia-imds": ("ModifyImageAttribute", dict(modify, **{"Features.ImdsSupport": "v3"})),
    "mia-nvme": ("ModifyImageAttribute", dict(modify, **{"Features.NvmeSupport": "maybe"})),
    "mia-status": ("ModifyImageAttribute", dict(modify, Status="Gone")),
    "mia-dryrun": ("ModifyImageAttribute", dict(modify, DryRun="yes")),
    "di-tags-filters": ("DescribeImages", dict(hz, Status="Available,Deprecated", ImageOwnerAlias="self",
        OSType="linux", Architecture="x86_64", PageNumber="2", PageSize="100", ImageOwnerId="0",
        **{"Tag.1.Key": "env", "Tag.1.Value": "prod", "Tag.20.Key": "k", "Filter.1.Key": "CreationStartTime",
           "Filter.1.Value": "2017-12-05T22:40Z", "Filter.2.Key": "CreationEndTime", "Filter.2.Value": "2024-01-01T00:00Z"})),
    "di-tag-21": ("DescribeImages", dict(hz, **{"Tag.21.Key": "k"})),
    "di-tag-bad-index": ("DescribeImages", dict(hz, **{"Tag.x.Key": "k", "Tag.0.Value": "v"})),
    "di-page-size": ("DescribeImages", dict(hz, PageSize="101", PageNumber="0")),
    "di-status-all": ("DescribeImages", dict(hz, Status="ALL")),
    "di-filter-bad": ("DescribeImages", dict(hz, **{"Filter.1.Key": "Size", "Filter.1.Value": "2017-13-05T22:40Z"})),
    "dif": ("DescribeImageFromFamily", dict(hz, ImageFamily="web-prod")),
    "disp": ("DescribeImageSharePermission", dict(hz, ImageId="m-1", PageNumber="1", PageSize="10")),
    "misp": ("ModifyImageSharePermission", dict(hz, ImageId="m-1", IsPublic="false",
        **{"AddAccount.1": "1234567890123456", "AddAccount.10": "1122334455667788", "RemoveAccount.1": "9876543210987654"})),
    "misp-11": ("ModifyImageSharePermission", dict(hz, ImageId="m-1", **{"AddAccount.11": "1"})),
    "dr": ("DescribeRegions", {"AcceptLanguage": "en-US", "InstanceChargeType": "PrePaid", "ResourceType": "instance"}),
    "del": ("DeleteImage", dict(hz, ImageId="m-1", Force="true")),
    "del-owner": ("DeleteImage", dict(hz, ImageId="m-1", OwnerId="-1", ResourceOwnerId="99999999999999999999")),
}
for name, (action, p) in spec_cases.items():
    param_sets.append((name, action, p))

# Validation: the parameter lines.
for name, action, p in param_sets:
    write("Validation", name, lines(p))

# JSONDecode: response bodies, the vectors' JSON, and edge cases of the grammar.
for name, ex in vectors["response_examples"].items():
    if isinstance(ex, dict) and "body" in ex:
        write("JSONDecode", name, json.dumps(ex["body"], ensure_ascii=False))
        write("JSONDecode", name + "-indented", json.dumps(ex["body"], indent=2))
write("JSONDecode", "vectors-fixed-inputs", json.dumps(vectors["fixed_inputs"]))
edge = {
    "numbers": '[0,-0,1,-1,9223372036854775807,-9223372036854775808,9223372036854775808,1.5,1e308,-1e-308,2.5E+3,0.1]',
    "strings": r'["", "\u0000", "\ud83d\ude00", "\ud800", "\"\\\/\b\f\n\r\t", "测试", "a\u00e9"]',
    "empty": '{"a":{},"b":[],"c":[[]],"d":null,"e":true,"f":false}',
    "keys": '{"":1,"1":2,"1.0":3,"true":4,"__index":5}',
    "nested": "[" * 120 + "]" * 120,
    "scalar": '"just a string"',
}
for name, text in edge.items():
    write("JSONDecode", "edge-" + name, text)

# Wire: "status line \n body" for the error parser, plus query strings and Authorization headers.
for name, ex in vectors["response_examples"].items():
    if isinstance(ex, dict) and "body" in ex:
        write("Wire", "response-" + name, f"{ex['http_status']}\n" + json.dumps(ex["body"]))
write("Wire", "response-nested-error", '400\n{"Error":{"Code":"Throttling.User","Message":"slow down"},"requestId":"r-1"}')
write("Wire", "response-html", "502\n<html><body>Bad Gateway</body></html>")
write("Wire", "response-xml-error", '403\n<?xml version="1.0" encoding="UTF-8"?>\n<Error><RequestId>R-1</RequestId>'
      '<Code>Forbidden.RAM</Code><Message>a &amp; b &lt;c&gt; &#x4E2D; &bad; &</Message>'
      '<AccessDeniedDetail><PolicyType>x</PolicyType></AccessDeniedDetail></Error>')
# A repeated key whose second value has an invalid escape: JSONDecoder never decodes that value, so it
# accepts the body; JSONReader refuses it (a differential the harness must not report).
write("Wire", "response-shadowed-bad-escape", '400\n{"Code":"A","Message":"m","Code":"\\q"}')
for v in vectors["vectors"]:
    for field in ("canonicalized_query_string", "canonical_query_string", "authorization", "canonical_headers"):
        if v.get(field):
            write("Wire", f"{v['id']}-{field}", v[field])
    wire = v.get("wire")
    if wire:
        pq = wire["path_and_query"]
        write("Wire", f"{v['id']}-query", pq.split("?", 1)[1] if "?" in pq else "")
        if wire.get("body"):
            write("Wire", f"{v['id']}-body", wire["body"])

# Emulator: the vectors' wire requests as sent (raw), and signed requests for every parameter set.
for v in vectors["vectors"]:
    wire = v.get("wire")
    if not wire:
        continue
    pq = wire["path_and_query"]
    query = pq.split("?", 1)[1] if "?" in pq else ""
    headers = "\n".join(f"{k}: {val}" for k, val in wire.get("headers", {}).items())
    body = wire.get("body") or ""
    write("Emulator", "raw-" + v["id"], f"raw\n{wire['method']}\n{query}\n{body}\n{headers}")
for name, action, p in param_sets:
    if not action:
        continue
    p = {k: val for k, val in p.items() if k not in (
        "Action", "Version", "Format", "Timestamp", "SignatureNonce", "SignatureMethod", "SignatureVersion",
        "AccessKeyId", "SecurityToken")}
    if "ImageId" in p:
        p["ImageId"] = "@" + str(int(hashlib.sha1(name.encode()).hexdigest(), 16) % 97)
    write("Emulator", "v3-" + name, f"v3 {action}\n" + lines(p))
    write("Emulator", "v1-" + name, f"v1 {action}\n" + lines(p))
write("Emulator", "v3form-describe", "v3form DescribeImages\nRegionId=cn-hangzhou\nImageOwnerAlias=self\nPageSize=5")
write("Emulator", "v3-read-only-modify", "v3 ModifyImageAttribute demo-read-only\nRegionId=cn-hangzhou\nImageId=@60\nImageName=newname")
write("Emulator", "v3-unknown-key", "v3 DescribeRegions nobody\n")
# Huge values and bytes that are not UTF-8, in each input format.
huge = "x" * 60000
write("Validation", "huge-name", "RegionId=cn-hangzhou\nImageId=m-1\nImageName=a" + huge)
write("Validation", "invalid-utf8", b"RegionId=cn-\xffhangzhou\nImageId=m-\xc3\nImageName=\xe6\xb5\nTag.1.Key=\xed\xa0\x80")
write("JSONDecode", "invalid-utf8", b'{"a":"\xff\xfe","\xc3":1}')
write("JSONDecode", "huge-string", '["' + huge + '"]')
write("Wire", "invalid-utf8-query", b"ImageName=%FF%FE&Description=\xff\xc3&a%ZZ=%4")
write("Wire", "huge-query", "RegionId=cn-hangzhou&ImageName=" + "%E6%B5%8B" * 6000)
write("Emulator", "v3-huge-name", "v3 ModifyImageAttribute\nRegionId=cn-hangzhou\nImageId=@3\nImageName=a" + huge)
write("Emulator", "raw-invalid-utf8", b"raw\nPOST\nAction=DescribeRegions&Version=2014-05-26&AccessKeyId=\xff\nBody=\xc3\nauthorization: ACS3-HMAC-SHA256 Credential=\xff,SignedHeaders=host,Signature=00\nx-acs-date: 2024-01-02T03:04:05Z")
print("seeds written")
