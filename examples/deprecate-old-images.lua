-- deprecate-old-images.lua: deprecate every image of a family older than N days, except the newest K.
--   ./scripts/ecsh --local examples/deprecate-old-images.lua [FAMILY [DAYS [KEEP]]]
-- Defaults: family "web-prod", older than 30 days, keep the newest 2. ECS refuses to deprecate a
-- shared image (ImageUseShared), so shared ones are unshared first. Add --dry-run to see the requests.

local family = arg[1] or "web-prod"
local days = tonumber(arg[2] or "30")
local keep = tonumber(arg[3] or "2")
assert(ecs.validate.image_family(family))
assert(days and keep, "DAYS and KEEP must be numbers")

-- CreationTime is ISO 8601 UTC, so the cutoff compares as a plain string.
local cutoff = os.date("!%Y-%m-%dT%H:%M:%SZ", os.time() - math.floor(days * 86400))

-- The family's Available images, newest first: the first KEEP stay whatever their age.
local family_images = {}
for img in ecs.images{ ImageOwnerAlias = "self", ImageFamily = family, Status = "Available" } do
  family_images[#family_images + 1] = img
end
table.sort(family_images, function(a, b) return a.CreationTime > b.CreationTime end)

local doomed = {}
for i, img in ipairs(family_images) do
  if i > keep and img.CreationTime < cutoff then doomed[#doomed + 1] = img end
end
print(("family %s: %d available, keeping the newest %d, deprecating %d created before %s")
  :format(family, #family_images, keep, #doomed, cutoff))

-- One coroutine per image; each ECS call yields while in flight, the client paces them at the quota.
local results = ecs.parallel(doomed, function(img)
  local unshared = 0
  if img.IsSelfShared == "True" then
    local accounts = {}
    for _, a in ipairs(ecs.describe_image_share_permission{ ImageId = img.ImageId, PageSize = 100 }.Accounts) do
      accounts[#accounts + 1] = a.AliyunId
    end
    for i = 1, #accounts, 10 do  -- RemoveAccount takes at most 10 accounts per call
      ecs.modify_image_share_permission{ ImageId = img.ImageId, RemoveAccount = table.move(accounts, i, i + 9, 1, {}) }
    end
    unshared = #accounts
  end
  ecs.modify_image_attribute{ ImageId = img.ImageId, Status = "Deprecated" }
  return unshared
end, { concurrency = 8 })

-- Summary: one row per image, then the counts.
local rows, deprecated, unshared, failed = {}, 0, 0, 0
for i, r in ipairs(results) do
  local img = doomed[i]
  local outcome
  if r.ok then
    deprecated = deprecated + 1
    unshared = unshared + (r.value > 0 and 1 or 0)
    outcome = r.value > 0 and ("deprecated (unshared from %d)"):format(r.value) or "deprecated"
  else
    failed = failed + 1
    outcome = "failed: " .. r.err.code
  end
  rows[#rows + 1] = { ImageId = img.ImageId, ImageName = img.ImageName, CreationTime = img.CreationTime, Result = outcome }
end
if #rows > 0 then ecs.table(rows, { "ImageId", "ImageName", "CreationTime", "Result" }) end
print(("deprecated %d, unshared %d, failed %d, kept %d"):format(deprecated, unshared, failed, #family_images - #doomed))
