-- deprecate-old-images.lua: deprecate every image of a family older than N days, except the newest K.
--   ./scripts/ecsh --local [--dry-run] examples/deprecate-old-images.lua [FAMILY [DAYS [KEEP]]]
-- Defaults: family "web-prod", older than 30 days, keep the newest 2. ECS refuses to deprecate a
-- shared image (ImageUseShared), so shared ones are unshared first. --dry-run (before the script's
-- name) prints the requests and changes nothing.

local function usage(problem)
  io.stderr:write(("deprecate-old-images.lua: %s\nusage: ecsh [--dry-run] deprecate-old-images.lua [FAMILY [DAYS [KEEP]]]\n")
    :format(problem))
  os.exit(2)
end
for _, a in ipairs(arg) do
  if a:sub(1, 1) == "-" and not tonumber(a) then usage(("%s: options go before the script's name"):format(a)) end
end
if #arg > 3 then usage("at most three arguments") end
local family = arg[1] or "web-prod"
local days = math.tointeger(tonumber(arg[2] or "30"))
local keep = math.tointeger(tonumber(arg[3] or "2"))
local valid, err = ecs.validate.image_family(family)
if not valid then usage(tostring(err)) end
if not days or days < 0 or days > 36500 then usage("DAYS must be a whole number of days, from 0 to 36500") end
if not keep or keep < 0 then usage("KEEP must be a whole number of images, 0 or more") end
local dry = ecs.config().dry_run

-- CreationTime is ISO 8601 UTC, so the cutoff compares as a plain string.
local cutoff = os.date("!%Y-%m-%dT%H:%M:%SZ", os.time() - days * 86400)

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
print(("family %s: %d available, keeping the newest %d, %s %d created before %s")
  :format(family, #family_images, keep, dry and "would deprecate" or "deprecating", #doomed, cutoff))

-- The accounts an image is shared with, every page of them.
local function shared_accounts(image_id)
  local accounts, page = {}, 1
  repeat
    local r = ecs.describe_image_share_permission{ ImageId = image_id, PageSize = 100, PageNumber = page }
    for _, a in ipairs(r.Accounts) do accounts[#accounts + 1] = a.AliyunId end
    page = page + 1
  until #r.Accounts < 100 or #accounts >= (r.TotalCount or #accounts)
  return accounts
end

-- One coroutine per image; each ECS call yields while in flight, the client paces them at the quota.
-- Accounts removed are counted as they go, so a failure after unsharing still shows in the summary.
local unshared_from = {}
local results = ecs.parallel(doomed, function(img)
  if img.IsSelfShared == "True" then
    local accounts = shared_accounts(img.ImageId)
    for i = 1, #accounts, 10 do  -- RemoveAccount takes at most 10 accounts per call
      local batch = table.move(accounts, i, math.min(i + 9, #accounts), 1, {})
      ecs.modify_image_share_permission{ ImageId = img.ImageId, RemoveAccount = batch }
      unshared_from[img.ImageId] = (unshared_from[img.ImageId] or 0) + #batch
    end
  end
  return ecs.modify_image_attribute{ ImageId = img.ImageId, Status = "Deprecated" }
end, { concurrency = 8 })

-- Summary: one row per image, then the counts.
local rows, deprecated, unshared, failed = {}, 0, 0, 0
local verb = dry and "would be deprecated" or "deprecated"
for i, r in ipairs(results) do
  local img = doomed[i]
  local accounts = unshared_from[img.ImageId] or 0
  if accounts > 0 then unshared = unshared + 1 end
  local outcome
  if r.ok then
    deprecated = deprecated + 1
    outcome = accounts > 0 and ("%s (unshared from %d)"):format(verb, accounts) or verb
  else
    failed = failed + 1
    local code = type(r.err) == "table" and r.err.code or tostring(r.err)  -- an ECS error, or any other
    outcome = "failed: " .. code .. (accounts > 0 and (" (after unsharing from %d)"):format(accounts) or "")
  end
  rows[#rows + 1] = { ImageId = img.ImageId, ImageName = img.ImageName, CreationTime = img.CreationTime, Result = outcome }
end
if #rows > 0 then ecs.table(rows, { "ImageId", "ImageName", "CreationTime", "Result" }) end
if dry then
  print(("dry run, nothing changed: would deprecate %d, unshare %d, keep %d; failed %d")
    :format(deprecated, unshared, #family_images - #doomed, failed))
else
  print(("deprecated %d, unshared %d, failed %d, kept %d"):format(deprecated, unshared, failed, #family_images - #doomed))
end
