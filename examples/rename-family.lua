-- rename-family.lua: move the images of one family into another, newest first, within the family quota.
--   ./scripts/ecsh --local examples/rename-family.lua [FROM [TO]]
-- Defaults: "batch-nightly" into "hangzhou-daily-update". A family holds a limited number of images
-- (ECS answers ImageQuotaFull.ImageFamily when it is full), so the moves run one at a time and stop at
-- the first quota error: the images left behind are listed and stay in FROM, still usable.

local from = arg[1] or "batch-nightly"
local to = arg[2] or "hangzhou-daily-update"
-- A malformed family name would fail every call the same way: check it once, locally, before any request.
local valid, err = ecs.validate.image_family(to)
if not valid then error(err) end

-- Every status: a Deprecated member still belongs to the family and counts against its quota.
local members = {}
for img in ecs.images{ ImageOwnerAlias = "self", ImageFamily = from, Status = "ALL" } do
  members[#members + 1] = img
end
table.sort(members, function(a, b) return a.CreationTime > b.CreationTime end)
print(("moving %d images from %s to %s"):format(#members, from, to))

-- Serially: whether the next move fits depends on the ones before it.
local moved, refused, stopped = {}, {}, nil
for i, img in ipairs(members) do
  local ok, e = pcall(ecs.modify_image_attribute, { ImageId = img.ImageId, ImageFamily = to })
  if ok then
    moved[#moved + 1] = { ImageId = img.ImageId, ImageName = img.ImageName, Status = img.Status }
  elseif e.code == "ImageQuotaFull.ImageFamily" or e.code == "ImageFamilyQuotaFull" then
    stopped = { index = i, err = e }  -- no later image can fit either
    break
  elseif e.retryable then
    error(e)  -- retries are exhausted: the service is in trouble, stop here (exit 1)
  else
    refused[#refused + 1] = ("%s (%s)"):format(img.ImageId, e.code)  -- this image only, e.g. still Creating
  end
end

if #moved > 0 then ecs.table(moved, { "ImageId", "ImageName", "Status" }) end
if stopped then
  print(("stopped: family %s is full (%s)"):format(to, stopped.err.code))
  local left = {}
  for i = stopped.index, #members do left[#left + 1] = members[i].ImageId end
  print("left in " .. from .. ": " .. table.concat(left, ", "))
end
if #refused > 0 then print("refused: " .. table.concat(refused, ", ")) end
print(("moved %d, left %d"):format(#moved, #members - #moved))
