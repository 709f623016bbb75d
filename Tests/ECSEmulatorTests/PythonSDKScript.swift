/// A Python program that drives the emulator with the official SDKs, unchanged: the current
/// `alibabacloud-ecs20140526` (ACS3-HMAC-SHA256) and the legacy `aliyun-python-sdk-ecs` (RPC v1).
/// It prints one `OK <what>` line per check and exits non-zero on the first failure.
enum PythonSDKScript {
    static let source = #"""
import json, os, sys
endpoint = os.environ["ECSH_ENDPOINT"]          # host:port
failures = 0

def check(name, cond, detail=""):
    global failures
    if cond:
        print("OK", name)
    else:
        failures += 1
        print("FAIL", name, detail)

from alibabacloud_tea_openapi import models as open_api_models
from alibabacloud_ecs20140526.client import Client
from alibabacloud_ecs20140526 import models as ecs_models

config = open_api_models.Config(access_key_id="demo-full-access", access_key_secret="demo-full-secret",
                                endpoint=endpoint, protocol="http", region_id="cn-hangzhou")
client = Client(config)
page = client.describe_images(ecs_models.DescribeImagesRequest(region_id="cn-hangzhou", image_name="web prod",
                                                               status="Available,Deprecated", page_size=50,
                                                               tag=[ecs_models.DescribeImagesRequestTag(key="env", value="prod")]))
check("v3 describe_images", page.body.total_count >= 0 and page.body.region_id == "cn-hangzhou", page.body)
page = client.describe_images(ecs_models.DescribeImagesRequest(region_id="cn-hangzhou", image_name="web-prod", page_size=2))
images = page.body.images.image
check("v3 describe_images typed", len(images) == 2 and images[0].features.imds_support in ("v1", "v2")
      and images[0].disk_device_mappings.disk_device_mapping[0].device == "/dev/xvda", page.body.to_map())
target = images[0].image_id
r = client.modify_image_attribute(ecs_models.ModifyImageAttributeRequest(
    region_id="cn-hangzhou", image_id=target, description="set by the python sdk: * ~ + / = % 中文",
    features=ecs_models.ModifyImageAttributeRequestFeatures(nvme_support="supported")))
check("v3 modify_image_attribute", bool(r.body.request_id))
try:
    client.modify_image_attribute(ecs_models.ModifyImageAttributeRequest(region_id="cn-hangzhou", image_id=target, dry_run=True,
                                                                         image_name="dry-run-name"))
    check("v3 dry run raises", False)
except Exception as e:
    check("v3 dry run raises DryRunOperation", getattr(e, "code", None) == "DryRunOperation", repr(e))
try:
    client.modify_image_attribute(ecs_models.ModifyImageAttributeRequest(region_id="cn-hangzhou", image_id="m-bp1nosuchimage00000"))
    check("v3 not found raises", False)
except Exception as e:
    check("v3 error code + status", getattr(e, "code", None) == "InvalidImageId.NotFound" and getattr(e, "statusCode", None) == 404, repr(e))
fam = client.describe_image_from_family(ecs_models.DescribeImageFromFamilyRequest(region_id="cn-hangzhou", image_family="web-prod"))
check("v3 describe_image_from_family", fam.body.image.image_family == "web-prod", fam.body.to_map())
regions = client.describe_regions(ecs_models.DescribeRegionsRequest())
check("v3 describe_regions", any(r.region_id == "cn-hangzhou" for r in regions.body.regions.region))
share = client.describe_image_share_permission(ecs_models.DescribeImageSharePermissionRequest(region_id="cn-hangzhou", image_id=target))
check("v3 describe_image_share_permission", share.body.image_id == target and share.body.total_count == 0, share.body.to_map())
r = client.modify_image_share_permission(ecs_models.ModifyImageSharePermissionRequest(region_id="cn-hangzhou", image_id=target,
                                                                                      add_account=["9876543210987654"]))
check("v3 modify_image_share_permission", bool(r.body.request_id))

ro = Client(open_api_models.Config(access_key_id="demo-read-only", access_key_secret="demo-read-secret",
                                   endpoint=endpoint, protocol="http", region_id="cn-hangzhou"))
try:
    ro.delete_image(ecs_models.DeleteImageRequest(region_id="cn-hangzhou", image_id=target))
    check("read-only delete raises", False)
except Exception as e:
    check("read-only key gets Forbidden.RAM", getattr(e, "code", None) == "Forbidden.RAM", repr(e))

from aliyunsdkcore.client import AcsClient
from aliyunsdkcore.acs_exception.exceptions import ServerException
from aliyunsdkecs.request.v20140526.DescribeImagesRequest import DescribeImagesRequest
from aliyunsdkecs.request.v20140526.ModifyImageAttributeRequest import ModifyImageAttributeRequest
legacy = AcsClient("demo-full-access", "demo-full-secret", "cn-hangzhou")
req = DescribeImagesRequest()
req.set_endpoint(endpoint)
req.set_protocol_type("http")
req.set_ImageName("web prod")
req.set_PageSize(5)
body = json.loads(legacy.do_action_with_exception(req))
check("legacy v1 describe_images", "TotalCount" in body and body["PageSize"] == 5, body)
req = ModifyImageAttributeRequest()
req.set_endpoint(endpoint)
req.set_protocol_type("http")
req.set_ImageId(target)
req.set_Description("set by the legacy sdk with spaces")
body = json.loads(legacy.do_action_with_exception(req))
check("legacy v1 modify_image_attribute", "RequestId" in body, body)
bad = AcsClient("demo-full-access", "not-the-secret", "cn-hangzhou")
req = DescribeImagesRequest()
req.set_endpoint(endpoint)
req.set_protocol_type("http")
try:
    bad.do_action_with_exception(req)
    check("legacy wrong secret raises", False)
except ServerException as e:
    check("legacy wrong secret recognised", e.get_error_code() in ("InvalidAccessKeySecret", "SignatureDoesNotMatch"), repr(e))
sys.exit(1 if failures else 0)
"""#
}
