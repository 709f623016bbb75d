"""Drives `ecsh serve` with the official alibabacloud-ecs20140526 SDK, unchanged.

Usage: python sdk_compat.py HOST:PORT
Prints one `PASS <check>` or `FAIL <check>: <detail>` line per check; exits 1 if any failed.
"""
import sys
import traceback

from alibabacloud_ecs20140526 import models as ecs
from alibabacloud_ecs20140526.client import Client
from alibabacloud_tea_openapi import models as openapi
from Tea.exceptions import TeaException

endpoint = sys.argv[1]
failures = 0


def check(name, condition, detail=""):
    global failures
    if condition:
        print("PASS", name, flush=True)
    else:
        failures += 1
        print("FAIL %s: %s" % (name, detail), flush=True)


def client(key_id, secret, algorithm=None):
    config = openapi.Config(protocol="http", endpoint=endpoint, access_key_id=key_id,
                            access_key_secret=secret, region_id="cn-hangzhou")
    if algorithm:
        config.signature_algorithm = algorithm
    return Client(config)


def expect_error(name, call, code, status):
    try:
        call()
    except TeaException as e:
        check(name, e.code == code and e.statusCode == status,
              "code=%r status=%r message=%r" % (e.code, e.statusCode, e.message))
        return
    except Exception as e:  # any other exception type means the SDK did not parse the error body
        check(name, False, "not a TeaException: %r" % (e,))
        return
    check(name, False, "no exception raised")


def run(label, full):
    # Paging: PageSize 7 over every self image; the pages add up to TotalCount with no duplicates.
    first = full.describe_images(ecs.DescribeImagesRequest(region_id="cn-hangzhou", image_owner_alias="self", page_size=7))
    total = first.body.total_count
    seen, page = [], 1
    while True:
        body = full.describe_images(ecs.DescribeImagesRequest(
            region_id="cn-hangzhou", image_owner_alias="self", page_size=7, page_number=page)).body
        check("%s describe_images page %d shape" % (label, page),
              body.page_number == page and body.page_size == 7 and body.region_id == "cn-hangzhou"
              and body.request_id and len(body.images.image) <= 7, body.to_map())
        seen += [i.image_id for i in body.images.image]
        if not body.images.image or len(seen) >= total:
            break
        page += 1
    check("%s describe_images paging" % label, total > 7 and len(seen) == total and len(set(seen)) == total,
          "total=%r seen=%r unique=%r" % (total, len(seen), len(set(seen))))

    # Filters: typed fields parse, and every result satisfies the filter.
    body = full.describe_images(ecs.DescribeImagesRequest(
        region_id="cn-hangzhou", image_owner_alias="self", status="Available", architecture="x86_64", page_size=100)).body
    images = body.images.image
    check("%s describe_images filters" % label,
          images and all(i.status == "Available" and i.architecture == "x86_64" and i.image_owner_alias == "self" for i in images),
          [(i.image_id, i.status, i.architecture, i.image_owner_alias) for i in images])
    target = images[0]
    one = full.describe_images(ecs.DescribeImagesRequest(region_id="cn-hangzhou", image_id=target.image_id)).body
    check("%s describe_images by ImageId" % label,
          one.total_count == 1 and one.images.image[0].image_id == target.image_id
          and one.images.image[0].disk_device_mappings is not None, one.to_map())

    # Modify: success, read back, then the malformed-name error.
    description = "sdk %s compat check" % label
    response = full.modify_image_attribute(ecs.ModifyImageAttributeRequest(
        region_id="cn-hangzhou", image_id=target.image_id, description=description))
    check("%s modify_image_attribute" % label, response.status_code == 200 and bool(response.body.request_id), response.body.to_map())
    back = full.describe_images(ecs.DescribeImagesRequest(region_id="cn-hangzhou", image_id=target.image_id)).body.images.image[0]
    check("%s modify read back" % label, back.description == description, back.description)
    expect_error("%s InvalidImageName.Malformed" % label,
                 lambda: full.modify_image_attribute(ecs.ModifyImageAttributeRequest(
                     region_id="cn-hangzhou", image_id=target.image_id, image_name="1-starts-with-a-digit")),
                 "InvalidImageName.Malformed", 400)

    regions = full.describe_regions(ecs.DescribeRegionsRequest()).body.regions.region
    check("%s describe_regions" % label,
          any(r.region_id == "cn-hangzhou" and r.region_endpoint for r in regions), [r.region_id for r in regions])
    return target.image_id


try:
    image_id = run("v3", client("demo-full-access", "demo-full-secret"))
    run("v1", client("demo-full-access", "demo-full-secret", algorithm="v2"))
    for label, algorithm in (("v3", None), ("v1", "v2")):
        read_only = client("demo-read-only", "demo-read-secret", algorithm)
        listed = read_only.describe_images(ecs.DescribeImagesRequest(region_id="cn-hangzhou", page_size=1)).body
        check("%s read-only describe" % label, listed.total_count >= 1, listed.to_map())
        expect_error("%s read-only modify Forbidden.RAM" % label,
                     lambda: read_only.modify_image_attribute(ecs.ModifyImageAttributeRequest(
                         region_id="cn-hangzhou", image_id=image_id, description="not allowed")),
                     "Forbidden.RAM", 403)
except Exception:
    failures += 1
    print("FAIL unexpected exception:", traceback.format_exc(), flush=True)

print("checks failed: %d" % failures)
sys.exit(1 if failures else 0)
